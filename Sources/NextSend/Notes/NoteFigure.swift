/// A figure written in a statement, with the unit it was written in: "$290k–$330k", "6 months",
/// "12 to 18 percent", "about a year and a half", "150,000".
///
/// A range is read as its midpoint. Dates, clock times, phone numbers, list numbering, names like
/// "4 West" or "Q1" and adjectives like "3-year" are not figures.
struct NoteFigure: Sendable, Hashable {
    enum Unit: Sendable, Hashable {
        /// A currency (`USD`, `EUR`, `GBP`), or `nil` when only a multiplier says it is money ("310k").
        case money(String?)
        /// A unit of time as ``FigureUnit`` names it (`day`, `week`, `month`, `year`).
        case time(String)
        case percent
        /// A number with no unit at all ("I'd put it at 150,000").
        case bare
        /// A unit NextSend cannot convert ("12 sprints", "40 hours").
        case other(String)
        /// A count of something ("three units", "5 campuses"): never a figure of a topic.
        case count
    }

    var value: Double
    var unit: Unit
    /// Token range the figure spans, currency and unit included.
    var first: Int
    var last: Int
    /// "not the 10 in your deck": a figure the statement sets aside.
    var negated: Bool
    /// The number as written, before any multiplier (so "$120–140k" can lend "k" to 120).
    var rawValue: Double = 0
}

extension NoteFigure {
    private static let multipliers: [String: Double] = ["k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6, "million": 1e6, "millions": 1e6, "mil": 1e6,
                                                        "bn": 1e9, "billion": 1e9,
                                                        // "950 grand" (but not "3 grand rounds", a teaching session).
                                                        "grand": 1e3]
    private static let currencyWords: [String: String] = {
        var words = ["usd": "USD", "dollars": "USD", "dollar": "USD", "bucks": "USD", "eur": "EUR", "euro": "EUR",
                     "euros": "EUR", "gbp": "GBP", "pounds": "GBP", "quid": "GBP",
                     // "DKK 14 million", "14 million kroner": another currency, which no USD topic takes.
                     "kroner": "DKK", "krone": "DKK", "kronor": "SEK", "francs": "CHF", "yen": "JPY", "rupees": "INR", "yuan": "CNY"]
        for code in isoCodes { words[code] = code.uppercased() }
        return words
    }()
    /// ISO 4217 codes written before or after a figure ("CHF 2M", "14 million DKK").
    private static let isoCodes: Set<String> = ["usd", "eur", "gbp", "cad", "aud", "nzd", "chf", "dkk", "sek", "nok", "jpy", "cny", "inr", "mxn",
                                                "brl", "zar", "sgd", "hkd", "pln", "czk", "huf", "ils", "aed", "sar", "krw"]
    private static let currencySigns: [String: String] = ["$": "USD", "€": "EUR", "£": "GBP"]
    private static let otherUnits: Set<String> = ["sprint", "sprints", "hour", "hours", "hrs", "hr", "quarter", "quarters", "shifts", "shift"]
    private static let spelled: [String: Double] = ["one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                                                    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                                                    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
                                                    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                                                    "eighty": 80, "ninety": 90]
    /// Words after a number that leave it a plain figure ("at 150,000 for the three years").
    private static let bareFollowers: Set<String> = ["for", "which", "all", "in", "on", "at", "max", "maximum", "and", "or", "as", "per", "by",
                                                     "from", "before", "after", "right", "now", "so", "is", "to", "with", "tops", "total",
                                                     "flat", "minimum", "min", "give", "or", "but", "if", "once", "including", "plus", "over"]
    private static let negators: Set<String> = ["not", "instead", "than", "never"]
    /// Words between two figures that take the first back.
    private static let correctionCues: [[String]] = [["sorry"], ["i", "mean"], ["correction"], ["make", "that"], ["no", "make", "it"],
                                                     ["or", "rather"]]

    /// Every figure in a statement's tokens, in order.
    /// Written without a unit ("Eighteen", "30").
    var isBare: Bool { if case .bare = unit { return true }; return false }

    /// Written without a unit or in `topicUnit` itself ("eighteen months" on a topic kept in months).
    func isIn(_ topicUnit: String?) -> Bool {
        let target = topicUnit?.lowercased() ?? ""
        switch unit {
        case .bare: return true
        case .percent: return target == "percent" || target == "%"
        case let .time(name): return FigureUnit.timeUnit(target).map { FigureUnit.convert(1, from: name, to: $0) == 1 } ?? false
        default: return false
        }
    }

    static func scan(_ tokens: [NoteToken]) -> [NoteFigure] {
        var figures: [NoteFigure] = []
        var index = 0
        while index < tokens.count {
            if let figure = read(at: index, in: tokens) ?? spelledRange(at: index, in: tokens) ?? spelledFigure(at: index, in: tokens) {
                figures.append(figure)
                index = figure.last + 1
            } else {
                index += 1
            }
        }
        // "$880k -- sorry, $980k", "twelve, I mean fifteen": a figure taken back for the next one of
        // its kind ("a million three for the three years -- make that $1.25M" takes back the money).
        // The cue stands right before the figure that replaces it: "sorry for the delay, plus $80K"
        // takes nothing back.
        for (index, figure) in figures.enumerated().dropLast() {
            guard let next = figures[(index + 1)...].firstIndex(where: { sameKind(figure.unit, $0.unit) || isBare(figure.unit) || isBare($0.unit) }),
                  figure.last + 1 <= figures[next].first else { continue }
            let between = tokens[(figure.last + 1)..<figures[next].first].filter(\.isWord).map(\.folded)
            // "thirty weeks, I-- okay, thirty-two": a speaker who breaks off and settles on another.
            // (A dash is a mark of one character: "--" is two.)
            let gap = (figure.last + 1)..<figures[next].first
            // (A word broken off before the dash: not "TCO cap $1.2M — no $150k add-ons on top".)
            let dash = gap.first { tokens[$0].isMark("—") || tokens[$0].isMark("-") && $0 + 1 < gap.upperBound && tokens[$0 + 1].isMark("-") }
            let brokeOff = dash.map { at in tokens[gap.lowerBound..<at].contains(where: \.isWord) } == true
                && ["okay", "ok"].contains(between.last ?? "")
            if brokeOff || correctionCues.contains(where: { cue in
                let tail = Array(between.suffix(cue.count + 2))
                return NoteReader.contains(tail, cue)
            }) {
                figures[index].negated = true
                // "nine months, give or take -- sorry, ten": the figure that replaces it is in its unit.
                // (Only right after the cue: not "Overtime 12% -- sorry, I mean payback of 18".)
                let cueBefore = figures[next].first > 0 ? tokens[figures[next].first - 1] : nil
                if isBare(figures[next].unit), !isBare(figure.unit),
                   cueBefore.map({ $0.kind == .mark || ["sorry", "mean", "that", "okay", "ok", "rather", "correction"].contains($0.folded) }) == true {
                    figures[next].unit = figure.unit
                }
            }
        }
        // "Kate doesn't buy the 20%", "does not believe a fifth": a figure its clause disbelieves.
        for index in figures.indices where !figures[index].negated {
            let clause = NoteReader.clause(around: figures[index].first, in: tokens)
            let before = tokens[clause.lowerBound..<figures[index].first].filter(\.isWord).map(\.folded)
            if let verb = before.lastIndex(where: disbelieving.contains), verb > 0,
               before[verb - 1].hasSuffix("n't") || ["not", "never", "doesnt", "dont", "didnt", "cant", "wont"].contains(before[verb - 1]) {
                figures[index].negated = true
            }
        }
        // "nine sprints, maybe ten", "fifteen percent, or sixteen": a second figure said as an
        // afterthought is in the unit of the first.
        for index in figures.indices.dropFirst() where isBare(figures[index].unit) && !isBare(figures[index - 1].unit) {
            let between = tokens[(figures[index - 1].last + 1)..<figures[index].first]
            if between.allSatisfy({ $0.kind == .mark || ["maybe", "or", "perhaps", "possibly", "even"].contains($0.folded) }),
               between.contains(where: { $0.kind != .mark }) {
                figures[index].unit = figures[index - 1].unit
            }
        }
        // "$1.1M over the three years": the period a total covers, not a figure of its own.
        for index in figures.indices {
            guard case .time = figures[index].unit else { continue }
            let before = tokens[..<figures[index].first].filter(\.isWord).suffix(2).map(\.folded)
            if before == ["over", "the"] || before == ["across", "the"] {
                figures[index].unit = .count
            }
        }
        // "~$390K a yr", "on an annual basis is ~$433K": money by the year or the month, which no
        // total (a three-year cost) takes.
        for index in figures.indices {
            guard case .money = figures[index].unit else { continue }
            let after = tokens[(figures[index].last + 1)...].prefix(3)
            if let end = perPeriodEnd(after, in: tokens) {
                figures[index].unit = .other(perPeriod)
                figures[index].last = end
            } else {
                let clause = NoteReader.clause(around: figures[index].first, in: tokens)
                let before = tokens[clause.lowerBound..<figures[index].first].filter(\.isWord).map(\.folded)
                if periodBasis.contains(where: { NoteReader.contains(before, $0) }) { figures[index].unit = .other(perPeriod) }
            }
        }
        return figures
    }

    /// Verbs that, denied, set a figure aside rather than hold it ("doesn't buy", "won't accept").
    private static let disbelieving: Set<String> = ["buy", "believe", "accept", "trust", "credit", "swallow"]

    /// "3 grand rounds" (a teaching session), "2 Grand River campuses": not thousands.
    private static func isPlaceOrRounds(_ index: Int, in tokens: [NoteToken]) -> Bool {
        guard tokens[index].folded == "grand" else { return false }
        return tokens[index].text != "grand" || (index + 1 < tokens.count && tokens[index + 1].folded.hasPrefix("round"))
    }

    /// The unit of money by the period, or by the bed, user or seat: never converted to a total.
    static let perPeriod = "per-period"
    private static let periodAfter: [[String]] = [["a", "year"], ["a", "yr"], ["per", "year"], ["per", "yr"], ["per", "annum"], ["annually"],
                                                  ["a", "month"], ["per", "month"], ["monthly"], ["/", "yr"], ["/", "year"], ["/", "mo"],
                                                  ["/", "month"], ["yearly"], ["each", "year"], ["every", "year"]]
        // "~$2,750/bed/yr", "$40 per user": a price by the head, whatever the period after it.
        + ["bed", "user", "seat", "head", "fte", "employee", "nurse", "clinician"].flatMap { [["/", $0], ["per", $0]] }
    private static let periodBasis: [[String]] = [["annual", "basis"], ["yearly", "basis"], ["monthly", "basis"], ["per", "year"],
                                                  ["per", "annum"], ["annualized"], ["annualised"]]

    /// Where "a year", "per annum", "/yr" right after a figure ends, if it is there.
    private static func perPeriodEnd(_ after: ArraySlice<NoteToken>, in tokens: [NoteToken]) -> Int? {
        let words = after.map(\.folded)
        for cue in periodAfter where words.count >= cue.count && Array(words.prefix(cue.count)) == cue {
            // "/yr" is a mark then a word; otherwise only words, no mark between.
            let span = after.prefix(cue.count)
            if cue[0] != "/", span.contains(where: { $0.kind == .mark }) { continue }
            return span.indices.last!
        }
        return nil
    }

    private static func isBare(_ unit: Unit) -> Bool { if case .bare = unit { return true }; return false }

    /// One number with what surrounds it, or `nil` when the number is not a figure.
    private static func read(at index: Int, in tokens: [NoteToken]) -> NoteFigure? {
        guard let part = readPart(at: index, in: tokens) else { return nil }
        var figure = part
        // A range: "8–10 months", "$290k–$330k", "12 to 18 percent", "between 10 and 12 weeks".
        var next = part.last + 1
        if next < tokens.count {
            let link = tokens[next]
            let between = index > 0 && tokens[max(0, firstOfPrefix(index, tokens) - 1)].folded == "between"
            if link.isMark("–") || link.isMark("-") || link.isMark("—") || (link.folded == "to" && !movedFrom(index, in: tokens)) || (between && link.folded == "and") {
                next += 1
                if let second = readPart(at: next, in: tokens, allowPrefix: true) {
                    var low = part
                    if case .bare = low.unit { low.unit = second.unit }
                    // "$120–140k": the multiplier written once applies to both ends.
                    if low.value < second.value / 100, tokens[part.last].isNumber, second.value >= 1000 {
                        low.value *= second.value / max(1, second.rawValue)
                    } else if low.value < second.value / 100, low.value < 1000, !tokens[part.last].isNumber, second.value >= 1000 {
                        // ("one point two to one point four million": said in words, the same for both ends.)
                        low.value *= second.value >= 1_000_000 ? 1_000_000 : 1_000
                    }
                    if sameKind(low.unit, second.unit) {
                        figure = NoteFigure(value: (low.value + second.value) / 2, unit: second.unit, first: part.first, last: second.last, negated: false)
                    }
                }
            }
        }
        figure.negated = isNegated(before: figure.first, in: tokens)
        return figure
    }

    /// "I've moved from eight to ten percent", "come down from thirty-six to thirty-four weeks": where
    /// a view moved, not a range.
    static func movedFrom(_ index: Int, in tokens: [NoteToken]) -> Bool {
        let start = firstOfPrefix(index, tokens)
        guard start > 0, tokens[start - 1].folded == "from" else { return false }
        // (Not "quotes came in anywhere from $1.1M to $1.4M", a range.)
        let lead = tokens[max(0, start - 3)..<(start - 1)]
        return lead.contains { NoteReader.movingVerbs.contains($0.folded) } && !lead.contains { ["anywhere", "between", "somewhere", "range"].contains($0.folded) }
    }

    private static func sameKind(_ a: Unit, _ b: Unit) -> Bool {
        switch (a, b) {
        case (.money, .money), (.percent, .percent), (.bare, .bare): return true
        case (.time, .time): return true
        case let (.other(x), .other(y)): return x == y
        default: return false
        }
    }

    /// The token where a figure's prefix begins ("$", "~", "USD").
    private static func firstOfPrefix(_ index: Int, _ tokens: [NoteToken]) -> Int {
        var first = index
        while first > 0, tokens[first - 1].isMark("$") || tokens[first - 1].isMark("€") || tokens[first - 1].isMark("£")
            || tokens[first - 1].isMark("~") || isoCodes.contains(tokens[first - 1].folded) {
            first -= 1
        }
        return first
    }

    private struct Part {
        var value: Double
        var rawValue: Double
        var unit: Unit
        var first: Int
        var last: Int
    }

    private static func readPart(at start: Int, in tokens: [NoteToken], allowPrefix: Bool = false) -> NoteFigure? {
        readRawPart(at: start, in: tokens, allowPrefix: allowPrefix).map {
            NoteFigure(value: $0.value, unit: $0.unit, first: $0.first, last: $0.last, negated: false, rawValue: $0.rawValue)
        }
    }

    private static func readRawPart(at start: Int, in tokens: [NoteToken], allowPrefix: Bool) -> Part? {
        var index = start
        var currency: String?
        // A sign or code before the number when reading the far end of a range: "–$330k".
        if allowPrefix, index < tokens.count, let code = currencySigns[tokens[index].text], tokens[index].kind == .mark {
            currency = code
            index += 1
        }
        guard index < tokens.count, tokens[index].isNumber else { return nil }
        let number = tokens[index]
        // Glued to letters ("Q1", "r2", "W48") or part of a date, a time or a phone number.
        if index > 0, tokens[index - 1].isWord, number.attached { return nil }
        if index > 0, (tokens[index - 1].isMark("/") || tokens[index - 1].isMark(":") || tokens[index - 1].isMark("#")), number.attached { return nil }
        if index + 2 < tokens.count, tokens[index + 1].isMark("/") || tokens[index + 1].isMark(":"), tokens[index + 1].attached,
           tokens[index + 2].isNumber, tokens[index + 2].attached {
            return nil
        }
        // The middle or end of a date or a phone number ("2026-11-06", "555-201-4410").
        // ("$1.55-1.85M" is a range: a year has no decimal point.)
        if index > 1, tokens[index - 1].isMark("-"), number.attached, tokens[index - 2].isNumber, tokens[index - 1].attached,
           !tokens[index - 2].text.contains("."),
           tokens[index - 2].text.count == 4 || (index > 3 && tokens[index - 3].isMark("-") && tokens[index - 4].isNumber) {
            return nil
        }
        if index + 4 < tokens.count, tokens[index + 1].isMark("-"), tokens[index + 2].isNumber, tokens[index + 3].isMark("-"), tokens[index + 4].isNumber {
            return nil
        }
        // "3-year", "3-campus": an adjective, not a figure.
        if index + 2 < tokens.count, tokens[index + 1].isMark("-"), tokens[index + 1].attached, tokens[index + 2].isWord, tokens[index + 2].attached {
            return nil
        }
        guard let raw = Double(number.text.replacingOccurrences(of: ",", with: "")) else { return nil }
        var first = index
        var value = raw
        // Prefix: "$", "~$", "USD 150,000".
        if currency == nil {
            var look = index - 1
            while look >= 0, tokens[look].isMark("~") { look -= 1 }
            if look >= 0, tokens[look].kind == .mark, let code = currencySigns[tokens[look].text] {
                // "C$1.6M", "A$", "NZ$": another dollar, which no USD topic takes.
                let prefixed = look > 0 && tokens[look].attached && tokens[look - 1].isWord && tokens[look - 1].text.count <= 3
                    && tokens[look - 1].text.allSatisfy(\.isUppercase)
                currency = prefixed ? tokens[look - 1].text.uppercased() + code : code
                first = prefixed ? look - 1 : look
            } else if look >= 0, let code = currencyWords[tokens[look].folded], tokens[look].isAllCaps {
                currency = code
                first = look
            }
        } else {
            first = start
        }
        var last = index
        var multiplied = false
        if last + 1 < tokens.count, let factor = multipliers[tokens[last + 1].folded], !isPlaceOrRounds(last + 1, in: tokens) {
            let word = tokens[last + 1]
            // A lone lower-case "m" without a currency could be minutes or months: not read as
            // millions, unless it is glued to a decimal ("1.4m"), which nobody writes for minutes.
            if !(word.text == "m" && currency == nil && !(word.attached && number.text.contains("."))) {
                value *= factor
                last += 1
                multiplied = true
            }
        }
        // A four-digit year with nothing around it is a date.
        if !multiplied, currency == nil, number.text.count == 4, !number.text.contains(","), (1900...2100).contains(raw) {
            return nil
        }
        var unit: Unit = currency.map { .money($0) } ?? (multiplied ? .money(nil) : .bare)
        if last + 1 < tokens.count {
            let word = tokens[last + 1]
            if let code = currencyWords[word.folded] {
                unit = .money(code)
                last += 1
            } else if word.isMark("%") || word.folded == "percent" || word.folded == "pct" {
                // "11% of worked hours" is a share of something, not a change in it.
                unit = last + 2 < tokens.count && tokens[last + 2].folded == "of" ? .count : .percent
                last += 1
            } else if word.folded == "per", last + 2 < tokens.count, tokens[last + 2].folded == "cent" {
                unit = .percent
                last += 2
            } else if case .bare = unit, let time = FigureUnit.timeUnit(word.folded), word.folded.count > 1 || word.attached {
                unit = .time(time)
                last += 1
            } else if case .bare = unit, otherUnits.contains(word.folded) {
                unit = .other(word.folded)
                last += 1
            } else if case .bare = unit, word.isWord, !bareFollowers.contains(word.folded),
                      // ("15's still my payback number"; not "Ward 7's go-live", a name's.)
                      !(["'s", "’s"].contains(word.folded) && (first == 0 || !tokens[first - 1].startsUppercase)) {
                // "4 West", "three units", "5 campuses": a name or a count, not a figure.
                unit = .count
            }
        }
        return Part(value: value, rawValue: raw, unit: unit, first: first, last: last)
    }

    /// "a year and a half", "two years", "six months", "half a year".
    private static func spelledFigure(at index: Int, in tokens: [NoteToken]) -> NoteFigure? {
        func word(_ offset: Int) -> String? { index + offset < tokens.count ? tokens[index + offset].folded : nil }
        let start = tokens[index].folded
        var amount: Double?
        var unitAt = index + 1
        if start == "a" || start == "an" || start == "one" {
            amount = 1
        } else if start == "half", word(1) == "a" {
            amount = 0.5
            unitAt = index + 2
        } else if let value = spelled[start] {
            (amount, unitAt) = compound(value, after: index + 1, in: tokens)
            // "eight hundred and fifty thousand": hundreds, then what is added to them.
            if word(unitAt - index) == "hundred", let hundreds = amount, hundreds < 10 {
                amount = hundreds * 100
                unitAt += 1
                var next = unitAt
                if word(next - index) == "and" { next += 1 }
                if next < tokens.count, let more = spelled[tokens[next].folded] {
                    let (rest, after) = compound(more, after: next + 1, in: tokens)
                    amount = hundreds * 100 + (rest ?? more)
                    unitAt = after
                }
            }
        }
        // "a million two", "a million four": a million and that many hundred thousand, the way
        // people say a budget.
        if start == "a", word(1) == "million", let tenth = word(2).flatMap({ spelled[$0] }), tenth < 10 {
            var last = index + 2
            if word(3) == "hundred", word(4) == "thousand" { last += 2 }
            return NoteFigure(value: 1e6 + tenth * 1e5, unit: .money(nil), first: index, last: last, negated: isNegated(before: index, in: tokens))
        }
        // "one point two million", "two point five percent": a decimal said in words.
        var spelledDecimal = false
        if let whole = amount, start != "a", start != "an", start != "half", word(unitAt - index) == "point",
           // ("one point oh five": "oh" is a zero said aloud.)
           let tenth = word(unitAt - index + 1).flatMap({ $0 == "zero" || $0 == "oh" ? 0 : spelled[$0] }), tenth < 10 {
            // "one point three five million": more digits after the first.
            var fraction = tenth / 10
            var scale = 0.01
            unitAt += 2
            while let digit = word(unitAt - index).flatMap({ $0 == "zero" || $0 == "oh" ? 0 : spelled[$0] }), digit < 10 {
                fraction += digit * scale
                scale /= 10
                unitAt += 1
            }
            amount = whole + fraction
            spelledDecimal = true
        }
        // "twelve and a half": the half belongs to the number, whatever follows.
        if amount != nil, word(unitAt - index) == "and", word(unitAt - index + 1) == "a", word(unitAt - index + 2) == "half" {
            amount! += 0.5
            unitAt += 3
        }
        if let fraction = fractionFigure(at: index, in: tokens) { return fraction }
        // "I said twenty-four on payback", "eighteen was Gideon's number": a number said in words
        // with no unit, ten or more (so not "two of us"), before a mark or a word that leaves it bare.
        // (Not "twenty twenty-seven", a year said in words.)
        // ("the TCO at one point oh five": a decimal said in words, whatever its size.)
        if let bare = amount, bare >= 10 || spelledDecimal, start != "a", start != "an", start != "half", start != "one" || spelledDecimal,
           index == 0 || spelled[tokens[index - 1].folded] == nil,
           // ("Thirty's fair", "Eighteen's my number": said in words, so no ward's name as "Ward 7's".)
           unitAt >= tokens.count || tokens[unitAt].kind == .mark || bareFollowers.contains(tokens[unitAt].folded)
            || ["was", "'s", "’s"].contains(tokens[unitAt].folded) {
            return NoteFigure(value: bare, unit: .bare, first: index, last: unitAt - 1, negated: isNegated(before: index, in: tokens))
        }
        guard var value = amount, unitAt < tokens.count else { return nil }
        let unitWord = tokens[unitAt].folded
        var last = unitAt
        let unit: Unit
        if let time = FigureUnit.timeUnit(unitWord), unitWord.count > 1 {
            unit = .time(time)
            if word(last - index + 1) == "and", word(last - index + 2) == "a", word(last - index + 3) == "half" {
                value += 0.5
                last += 3
            }
        } else if start != "a", start != "an", unitWord == "percent" {
            unit = .percent
        } else if start != "a", start != "an", start != "half", otherUnits.contains(unitWord) {
            // "nine sprints", "forty hours": a unit no topic converts.
            unit = .other(unitWord)
        } else if start != "a", start != "an", start != "half", let factor = multipliers[unitWord], unitWord.count > 1,
                  !isPlaceOrRounds(unitAt, in: tokens) {
            value *= factor
            unit = .money(nil)
        } else if start == "a", ["million", "billion"].contains(unitWord), !isPlaceOrRounds(unitAt, in: tokens),
                  // "a million is my number", "a million even", "a million dollars"; not "a million things",
                  // "a million and one things", nor "Thanks a million for the TCO breakdown".
                  index == 0 || !["thanks", "thank", "thx"].contains(tokens[index - 1].folded),
                  unitAt + 1 >= tokens.count || tokens[unitAt + 1].kind == .mark
                    || ["even", "dollars", "usd", "is", "'s", "’s", "flat", "total", "tops", "for"].contains(tokens[unitAt + 1].folded) {
            value *= multipliers[unitWord] ?? 1
            unit = .money(nil)
        } else {
            return nil
        }
        return NoteFigure(value: value, unit: unit, first: index, last: last, negated: isNegated(before: index, in: tokens))
    }

    private static let fractions: [String: Double] = ["half": 50, "third": 100.0 / 3, "fifth": 20, "tenth": 10]

    /// "OT down a fifth", "a third on overtime": a share said as a fraction, read as a percentage.
    /// An ordinal before a noun ("a third party", "a fifth campus") or a share of something ("a
    /// fifth of the budget") is not one. "a quarter" is left alone: it is also three months.
    private static func fractionFigure(at index: Int, in tokens: [NoteToken]) -> NoteFigure? {
        guard ["a", "one"].contains(tokens[index].folded), index + 1 < tokens.count, let share = fractions[tokens[index + 1].folded],
              tokens[index + 1].folded != "half" || tokens[index].folded == "one" else { return nil }
        let last = index + 1
        if last + 1 < tokens.count {
            let next = tokens[last + 1]
            if next.isWord, next.folded == "of" || !bareFollowers.contains(next.folded) { return nil }
            if next.isNumber { return nil }
        }
        return NoteFigure(value: share, unit: .percent, first: index, last: last, negated: isNegated(before: index, in: tokens))
    }

    /// "thirty-six to forty weeks", "twelve to fifteen percent": a range said in words, read as its
    /// midpoint in the unit written after its far end.
    private static func spelledRange(at index: Int, in tokens: [NoteToken]) -> NoteFigure? {
        guard let low = spelled[tokens[index].folded] else { return nil }
        // "one point two to one point four million": the multiplier said once, for both ends.
        if let lowFigure = spelledFigure(at: index, in: tokens), case .bare = lowFigure.unit, lowFigure.value < 1000,
           lowFigure.last + 2 < tokens.count, tokens[lowFigure.last + 1].folded == "to", !movedFrom(index, in: tokens),
           let high = spelledFigure(at: lowFigure.last + 2, in: tokens), case .money = high.unit, high.value >= 1000 {
            let scaled = lowFigure.value * (high.value >= 1_000_000 ? 1_000_000 : 1_000)
            if scaled < high.value {
                return NoteFigure(value: (scaled + high.value) / 2, unit: high.unit, first: index, last: high.last,
                                  negated: isNegated(before: index, in: tokens))
            }
        }
        let (value, next) = compound(low, after: index + 1, in: tokens)
        // ("nine or ten percent", "two or three years": a pair a step apart is a range too; not "six
        // or twelve months", a choice.)
        guard let value, next + 1 < tokens.count, ["to", "or"].contains(tokens[next].folded), spelled[tokens[next + 1].folded] != nil,
              !(tokens[next].folded == "to" && movedFrom(index, in: tokens)),
              let high = spelledFigure(at: next + 1, in: tokens), high.value > value,
              tokens[next].folded == "to" || high.value == value + 1 else { return nil }
        switch high.unit {
        case .time, .percent:
            return NoteFigure(value: (value + high.value) / 2, unit: high.unit, first: index, last: high.last,
                              negated: isNegated(before: index, in: tokens))
        default: return nil
        }
    }

    /// `value` and a units word after it ("twenty-eight", "thirty six"), and where the figure's
    /// unit would then start.
    private static func compound(_ value: Double, after start: Int, in tokens: [NoteToken]) -> (Double?, Int) {
        guard value >= 20, value.truncatingRemainder(dividingBy: 10) == 0 else { return (value, start) }
        var next = start
        if next < tokens.count, tokens[next].isMark("-") { next += 1 }
        if next < tokens.count, let unit = spelled[tokens[next].folded], unit < 10 { return (value + unit, next + 1) }
        return (value, start)
    }

    /// "not the 10 in your deck", "instead of 16 weeks", "rather than $140k".
    private static func isNegated(before index: Int, in tokens: [NoteToken]) -> Bool {
        var look = index - 1
        var words = 0
        while look >= 0, words < 2 {
            let token = tokens[look]
            if token.kind == .mark { if [",", ";", ":", "(", "—"].contains(token.text) { return false } } else {
                // "should not exceed $1,100,000", "not more than 12": a ceiling, held.
                // ("Implementation won't be 22 weeks": a figure denied by the verb before it.)
                if negators.contains(token.folded) || (["won't", "wont", "isn't", "isnt", "can't", "cant"].contains(token.folded)
                                                       && tokens[(look + 1)...].first(where: \.isWord)?.folded == "be") {
                    let next = tokens[(look + 1)...].first { $0.kind != .mark }?.folded ?? ""
                    if token.folded == "than" {
                        let earlier = tokens[..<look].filter(\.isWord).suffix(2).map(\.folded)
                        if earlier.count == 2, ["no", "not"].contains(earlier[0]), ["more", "higher", "greater"].contains(earlier[1]) { return false }
                        // ("I would not budget for more than 8": a ceiling, with the denial further back.)
                        let further = tokens[..<look].filter(\.isWord).suffix(5).map(\.folded)
                        if ["more", "higher", "greater"].contains(further.last ?? ""),
                           further.dropLast().contains(where: { ["not", "never", "no"].contains($0) || $0.hasSuffix("n't") }) { return false }
                    }
                    return !["exceed", "exceeding", "above", "over", "beyond"].contains(next)
                }
                words += 1
            }
            look -= 1
        }
        return false
    }
}
