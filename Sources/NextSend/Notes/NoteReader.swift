/// Reads who believes what out of call notes, e-mails and transcripts (section 15 of the design).
///
/// Pure and rule-driven, so every claim can be explained: the topic is one of the taxonomy's
/// `says:` phrases; the holder is a stakeholder named as the subject of a view ("Lee thinks…",
/// "Rosa's go-live target…"), else whoever's first-person words the line is (a transcript's
/// speaker, an inbound e-mail's sender, a note's author). It prefers missing a claim to inventing
/// one: questions, conditionals, negations, the seller's own words, outsiders, shared first names
/// and figures in units the topic cannot convert are reported in ``NoteReading/skipped`` instead.
///
/// ```swift
/// let reader = NoteReader(taxonomy: taxonomy, stakeholders: group.stakeholders)
/// let reading = reader.read(NoteDocument(text: notes, format: .note))
/// ```
public struct NoteReader: Sendable {
    /// The longest quote kept with a claim.
    public static let quoteLimit = 300

    let taxonomy: Taxonomy
    let people: NotePeople
    let phrases: TopicPhrases

    public init(taxonomy: Taxonomy, stakeholders: [Stakeholder]) {
        self.taxonomy = taxonomy
        self.people = NotePeople(stakeholders)
        self.phrases = TopicPhrases(taxonomy)
    }

    private init(taxonomy: Taxonomy, people: NotePeople, phrases: TopicPhrases) {
        self.taxonomy = taxonomy
        self.people = people
        self.phrases = phrases
    }

    /// The same reader for another group's people, keeping the taxonomy's phrases already worked
    /// out (an import reads thousands of groups).
    public func reading(for stakeholders: [Stakeholder]) -> NoteReader {
        NoteReader(taxonomy: taxonomy, people: NotePeople(stakeholders), phrases: phrases)
    }

    /// Whether any topic of the taxonomy has `says:` phrases (without them nothing can be read).
    public var canRead: Bool { !phrases.isEmpty }

    public func read(_ document: NoteDocument) -> NoteReading {
        // "Theodora Quarrie (CFO, goes by Teddy)": the document's own short forms, for this document.
        if let declared = people.declaringAliases(in: document.text) {
            return NoteReader(taxonomy: taxonomy, people: declared, phrases: phrases).readWithTheseNames(document)
        }
        return readWithTheseNames(document)
    }

    private func readWithTheseNames(_ document: NoteDocument) -> NoteReading {
        let layout = NoteLayout(people: people, from: document.from, inbound: document.inbound)
        let lines = layout.lines(of: document.text, format: document.format)
        var reading = NoteReading()
        let conversation = [.vtt, .srt, .transcript].contains(document.format)
        // The number topic the last turn ended on, for a reply in the next, and who spoke it.
        var lastTurnTopic: String?
        var lastTurnBare = false
        var lastTurnVoice: NoteVoice?
        // Whom the last line's last statement was about, for a line that goes on its paragraph.
        var lastLineHolder: String?
        for line in lines {
            // "Magnus Hallberg has the cost at $1.2M in his head.⏎He wants payback in 20 months": a
            // paragraph wrapped by hand goes on being about the one it named.
            var about = line.about ?? (line.continues ? lastLineHolder : nil)
            // (The heading's own titles, "CATHAL HEBDITCH, CFO.", bring in no one else.)
            var atOpening = true
            var previous: Verdict.Context? = about.map { Verdict.Context(holder: $0) }
            // (A cue that goes on the same speaker's sentence is no reply to it.)
            let replyTopic = conversation && line.voice != lastTurnVoice ? lastTurnTopic : nil
            if let replyTopic {
                if previous == nil { previous = Verdict.Context() }
                previous?.replyTopic = replyTopic
                previous?.replyBare = lastTurnBare
            }
            // The number topic this turn's last statement is on; a turn that ends on something else,
            // or the seller's, ends the reply chain ("Our standard is twenty-eight weeks." /
            // "Twenty-eight weeks. Sure.", "Payback is eighteen months. How many beds on 4 North?" / "Thirty-two.").
            var turnTopic: String?
            var turnBare = false
            var ownTopic = false
            defer {
                lastLineHolder = previous?.holder
                lastTurnTopic = line.voice.isStakeholder ? turnTopic : nil
                lastTurnBare = turnBare
                lastTurnVoice = line.voice
            }
            // Claims this turn read from a figure that answered the turn before.
            var replies: [NoteClaim] = []
            var heading: String?
            var taken = 0
            // Someone typing in lower case writes names in lower case too ("maggie confirmed…").
            let lowercaseText = line.text.first { $0.isLetter }?.isLowercase ?? false
            let statements = attributionsJoined(Self.statements(in: line.text), in: line.text, voice: line.voice, lowercaseText: lowercaseText)
            // The claims the statement before this one in the line gave.
            var lastStatement = reading.claims.count..<reading.claims.count
            // Whom the statement before said was not there ("Wendell wasn't on,").
            var absent: String?
            for statement in statements.map(Self.concessionRemoved).flatMap({ holderParts($0, lowercaseText: lowercaseText) }) {
                // "I've been the big-bang guy. I've come off that.": a view left, the one just given.
                if !lastStatement.isEmpty, case let .stakeholder(speaker) = line.voice,
                   reading.claims[lastStatement].allSatisfy({ $0.stakeholder == speaker }),
                   takesBackThePrevious(statement, lowercaseText: lowercaseText) {
                    for index in lastStatement.reversed() {
                        reading.skipped.append(SkippedStatement(quote: reading.claims[index].quote, why: .negation))
                        reading.claims.remove(at: index)
                    }
                    taken -= lastStatement.count
                    lastStatement = reading.claims.count..<reading.claims.count
                    reading.skipped.append(SkippedStatement(quote: Self.quote(statement), why: .negation))
                    continue
                }
                // "Go-live, forty weeks. Sorry -- thirty-six, now the upgrade has moved.": a figure
                // corrected in the breath after it replaces the one just read.
                if let corrected = correction(statement, of: reading.claims[lastStatement], voice: line.voice, lowercaseText: lowercaseText) {
                    reading.skipped.append(SkippedStatement(quote: reading.claims.remove(at: corrected.index).quote, why: .negation))
                    reading.claims.append(corrected.claim)
                    lastStatement = (reading.claims.count - 1)..<reading.claims.count
                    continue
                }
                // "Nights still want a separate app on their phones. That's from Wystan.", "Data residency --
                // US only. That's Cyprian's line and mine.": the statement before was someone else's, passed on.
                if !lastStatement.isEmpty, case let .stakeholder(speaker) = line.voice,
                   reading.claims[lastStatement].allSatisfy({ $0.stakeholder == speaker }),
                   let credit = credit(statement, lowercaseText: lowercaseText), credit.id != speaker {
                    let given = reading.claims[lastStatement]
                    // (After the speaker's own first-person view, "I can live with 20 months. That's Lee's number."
                    // is both theirs.)
                    let own = given.contains { claim in
                        NoteText.tokens(of: claim.quote).contains { NoteText.singularFirstPerson.contains($0.folded) }
                    }
                    if own {
                        reading.claims += given.map { claim in
                            var theirs = claim
                            theirs.stakeholder = credit.id
                            return theirs
                        }
                    } else {
                        for index in lastStatement { reading.claims[index].stakeholder = credit.id }
                        if credit.alsoSpeaker { reading.claims += given }
                    }
                    lastStatement = lastStatement.lowerBound..<reading.claims.count
                    continue
                }
                var verdict = judge(statement, voice: line.voice, previous: previous, heading: heading, lowercaseText: lowercaseText)
                // "Agnieszka not on; Leticia says she'll want HITRUST": the pronoun after the reporter's
                // verb is the one just said not to be there, whom the reporter speaks for.
                if let absent, let reporter = reportsForSomeone(statement, lowercaseText: lowercaseText), reporter != absent {
                    for index in verdict.claims.indices where verdict.claims[index].stakeholder == reporter {
                        verdict.claims[index].stakeholder = absent
                    }
                }
                // "Mirabel wants it phased by building, and I agree with her": the speaker holds it too.
                if case let .stakeholder(speaker) = line.voice, !verdict.claims.isEmpty,
                   verdict.claims.allSatisfy({ $0.stakeholder != speaker }), Set(verdict.claims.map(\.stakeholder)).count == 1,
                   Self.agreesAtTheEnd(verdict.words) {
                    verdict.claims += verdict.claims.map { claim in
                        var own = claim
                        own.stakeholder = speaker
                        return own
                    }
                }
                // (A statement that gave a claim names a topic or a figure, so says no one was absent: no second tokenizing.)
                absent = verdict.claims.isEmpty ? absentee(statement, lowercaseText: lowercaseText) : nil
                heading = headingTopic(statement, lowercaseText: lowercaseText) ?? heading
                // "Annual. I know, I know. Annual.": one view said twice in a breath is one claim.
                // (A message quoted below the top one is dated by its own line, before any comparing.)
                if let day = line.day {
                    for index in verdict.claims.indices where verdict.claims[index].date == nil { verdict.claims[index].date = day }
                }
                let lineStart = reading.claims.count - taken
                let added = verdict.claims.filter { claim in
                    !reading.claims[lineStart...].contains { $0.stakeholder == claim.stakeholder && $0.topic == claim.topic && $0.value == claim.value }
                }
                // "I've argued for big bang since June. … I'm persuaded: start with a pilot on 4 East": in
                // the same turn, a position the speaker says they were won over to leaves the one before.
                // "Ten. Plan on ten months to go live.": the turn's own words on the topic say what its
                // opening figure only answered.
                if !verdict.replied, !added.isEmpty {
                    let answered = reading.claims[lineStart...].indices.filter { index in
                        replies.contains(reading.claims[index])
                            && added.contains { $0.stakeholder == reading.claims[index].stakeholder && $0.topic == reading.claims[index].topic }
                    }
                    for index in answered.reversed() {
                        reading.skipped.append(SkippedStatement(quote: reading.claims[index].quote, why: .noTopic))
                        reading.claims.remove(at: index)
                    }
                }
                if verdict.replied { replies += added }
                if !added.isEmpty, Self.changesMind(verdict.words) {
                    let left = reading.claims[lineStart...].indices.filter { index in
                        let old = reading.claims[index]
                        return added.contains { claim in
                            guard old.stakeholder == claim.stakeholder, old.topic == claim.topic, case let .position(was) = old.value,
                                  case let .position(now) = claim.value, was != now else { return false }
                            return taxonomy.topic(claim.topic).map { !$0.areCompatible(was, now) } ?? false
                        }
                    }
                    for index in left.reversed() {
                        reading.skipped.append(SkippedStatement(quote: reading.claims[index].quote, why: .negation))
                        reading.claims.remove(at: index)
                    }
                }
                // "On payback, I said two years at the meeting. … I think 20 months is achievable": what
                // the speaker says they said, set beside another view of theirs on the topic in the same
                // turn, is where they were, not where they are.
                if !added.isEmpty {
                    let superseded = reading.claims[lineStart...].indices.filter { index in
                        let old = reading.claims[index]
                        return added.contains { claim in
                            guard old.stakeholder == claim.stakeholder, old.topic == claim.topic, old.value != claim.value else { return false }
                            if case let .position(was) = old.value, case let .position(now) = claim.value,
                               taxonomy.topic(claim.topic)?.areCompatible(was, now) == true { return false }
                            return Self.reportsOwnEarlierWords(old.quote)
                        }
                    }
                    for index in superseded.reversed() {
                        reading.skipped.append(SkippedStatement(quote: reading.claims[index].quote, why: .negation))
                        reading.claims.remove(at: index)
                    }
                }
                reading.claims += added
                taken = reading.claims.count - lineStart
                // "Naomi C. told the nurses OT would drop 20 percent." — "No, I said 15, not 20.": a
                // figure its holder (or someone correcting the report) sets aside later in the
                // document takes back the claim read earlier.
                for aside in verdict.setAside {
                    let earlier = reading.claims[..<lineStart].indices.filter {
                        let claim = reading.claims[$0]
                        return claim.stakeholder == aside.stakeholder && claim.topic == aside.topic && claim.value == aside.value
                    }
                    for index in earlier.reversed() {
                        reading.skipped.append(SkippedStatement(quote: reading.claims[index].quote, why: .negation))
                        reading.claims.remove(at: index)
                    }
                }
                if let why = verdict.skipped { reading.skipped.append(SkippedStatement(quote: Self.quote(statement), why: why)) }
                // (Claims taken back above sat before this line: what this statement added is last.)
                lastStatement = (reading.claims.count - added.count)..<reading.claims.count
                // ("…; nights can't run two systems for a month, she says. ⏎ She would also be happy with…":
                // a statement that gives nothing but speaks of her again keeps her.)
                let heldBefore = previous?.holder
                previous = verdict.context
                // (The pronoun as a subject, and no one else in it: not "Her CFO overruled her.")
                if previous?.holder == nil, verdict.claims.isEmpty, let heldBefore,
                   verdict.words.contains(where: { ["she", "he", "she's", "he's"].contains($0) }),
                   !verdict.words.contains(where: { Self.outsiderWords.contains($0) || Self.outsideTitles.contains($0)
                       || ["deputy", "boss", "colleague", "cfo", "ciso"].contains($0) }) {
                    previous?.holder = heldBefore
                }
                // ("I told the group two years on payback. Having slept on it, I want 18 months.": a figure
                // left waits for the one that replaces it, as a topic named without one does.)
                previous?.awaitsFigure = verdict.skipped == .noFigure || (verdict.skipped == .negation && verdict.context.numberTopic != nil)
                    // ("On payback, I said two years at the meeting. Having been through your model, I think 20
                    // months is achievable.": what the speaker said then may be followed by where they are now.)
                    || (!added.isEmpty && verdict.context.numberTopic != nil && Self.reportsOwnEarlierWords(words: verdict.words))
                if let topic = verdict.context.numberTopic {
                    turnTopic = topic
                    turnBare = verdict.context.figureInTopicUnit
                    // (The turn's own words on a topic end the reply to the one before.)
                    ownTopic = true
                } else if verdict.skipped == .question || statement.last == "?" {
                    // "Payback is eighteen months. Lee, how many beds on 4 North?": the turn ends on a question.
                    turnTopic = nil
                }
                if !ownTopic {
                    previous?.replyTopic = replyTopic
                    previous?.replyBare = lastTurnBare
                }
                // (In a paragraph about one person, "she" goes on meaning her until someone else is named:
                // "Reports to Marcus, the CEO. He wants…" is no longer about her.)
                if about != nil, !atOpening, verdict.context.holder == nil, Self.bringsInSomeoneElse(verdict.words) { about = nil }
                atOpening = false
                if previous?.holder == nil, let about { previous?.holder = about }
            }
        }
        return reading
    }

    /// Whether a figure with no topic of its own is said as the speaker's view: it opens the statement
    /// and stands alone or with a word of standing ("Fifteen percent, at least on med-surg", "eighteen
    /// months is fine"), or the speaker says it is theirs ("I want 18 months", "I'm at ten percent").
    static func givesFigureAsView(_ tokens: [NoteToken], figure: NoteFigure) -> Bool {
        var opening = tokens.firstIndex { $0.kind != .mark && !["but", "and", "so", "then", "ok", "okay", "well", "realistically", "honestly"].contains($0.folded) }
        // ("having seen the demo, twenty months is nearer the mark": after an opening phrase of what the
        // speaker has done, the figure opens what they say.)
        // (Not "Looking at your deck, 14 months is what you're showing": the listener's.)
        if let first = opening, ["having", "after", "looking", "seeing"].contains(tokens[first].folded),
           let comma = tokens[first...].firstIndex(where: { $0.isMark(",") }), comma < figure.first,
           !tokens.contains(where: { ["your", "you", "you're", "their", "they're"].contains($0.folded) }) {
            opening = tokens[(comma + 1)...].firstIndex { $0.kind != .mark }
        }
        if opening == figure.first {
            let next = tokens[(figure.last + 1)...].first
            if next == nil || next!.kind == .mark || ["is", "'s", "works", "would", "should", "tops", "max", "maximum", "minimum", "min", "at"].contains(next!.folded) {
                return true
            }
        }
        // "call it 36 weeks", "I'd say eighteen months": the speaker settling on it.
        let lead = tokens[..<figure.first].filter(\.isWord).suffix(2).map(\.folded)
        if lead == ["call", "it"] || lead.last == "say" { return true }
        let words = tokens.filter(\.isWord).map(\.folded)
        // "my gut says about two years", "my guess is 18 months".
        if words.indices.dropLast().contains(where: { words[$0] == "my" && ["gut", "guess", "view", "number", "estimate", "feeling", "sense", "bet"].contains(words[$0 + 1]) }) {
            return true
        }
        let own = words.indices.dropLast().contains { at in
            ["i", "i'm", "im", "i'd", "id", "i'll", "we", "we're", "we'd"].contains(words[at])
                && ["want", "need", "at", "say", "put", "expect", "think", "plan", "budget", "budgeted", "prefer", "take", "accept", "settle",
                    "can", "could", "would", "go", "fine", "ok", "okay", "happy", "comfortable", "sign"].contains(words[at + 1])
        }
        return own
    }

    /// Spoken fillers that say nothing: "um", "uh", and "like" or "you know" set off by commas.
    private static let fillers: Set<String> = ["um", "umm", "uh", "uhm", "erm", "er", "hmm"]

    /// The tokens without spoken fillers and the commas that set them off: "Not, like, inside Epic" reads
    /// as "Not inside Epic", "I'm at, um, ten to twelve percent" as "I'm at ten to twelve percent".
    /// ("I'd like an annual term" keeps its "like": only one set off by commas is a filler.)
    static func withoutFillers(_ tokens: [NoteToken]) -> [NoteToken] {
        var kept: [NoteToken] = []
        kept.reserveCapacity(tokens.count)
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            // ("ER", "UM", "UH" in capitals are a department, utilization management, a hospital.)
            let length = fillers.contains(token.folded) && !token.isAllCaps ? 1
                : token.folded == "like" ? 1
                : token.folded == "you" && index + 1 < tokens.count && tokens[index + 1].folded == "know" ? 2 : 0
            let before = kept.last?.isMark(",") == true
            let after = index + length < tokens.count && tokens[index + length].isMark(",")
            if length > 0, length == 1 && fillers.contains(token.folded) || (before && after) {
                // Its commas go with it: the one before when one follows too, or one after at the opening ("Um, annual").
                if before && after { kept.removeLast() }
                index += length + (after ? 1 : 0)
                continue
            }
            kept.append(token)
            index += 1
        }
        return kept
    }

    /// Whether a statement opens with its one figure and says no more than whose it is or that it
    /// stands: "Eighteen for me too.", "Thirty's fair.", "Thirty from IT as well.", "Eighteen months,
    /// and I'll defend it to the board." Not a figure doubted ("Twelve is heroic", "Thirty's too
    /// tight", "Thirty? Not a chance") nor a figure of something else ("Ten of us met on it").
    static func repliesWithFigure(_ tokens: [NoteToken], figure: NoteFigure) -> Bool {
        let opening = tokens.firstIndex { $0.kind != .mark && !["and", "so", "well", "ok", "okay", "yes", "yeah"].contains($0.folded) }
        guard opening == figure.first, !tokens.contains(where: { $0.isMark("?") }) else { return false }
        // ("100%." agrees with everything; it is no figure on overtime.)
        if case .percent = figure.unit, figure.value == 100 { return false }
        let rest = tokens[(figure.last + 1)...].filter { $0.kind != .mark }.map(\.folded)
        guard rest.count <= 8 else { return false }
        // Up to a comma, only words that say whose the figure is or that it stands ("Fourteen months is
        // what they're quoting", "Two weeks from Friday is the board meeting" say something else);
        // after it, a reason ("thirty-six weeks, honestly, with our Epic upgrade in June"), not a doubt.
        let afterFigure = tokens[(figure.last + 1)...]
        let comma = afterFigure.firstIndex { $0.isMark(",") || $0.isMark("-") || $0.isMark("—") } ?? tokens.count
        let lead = tokens[(figure.last + 1)..<comma].filter { $0.kind != .mark }.map(\.folded)
        let reason = comma < tokens.count ? tokens[comma...].filter { $0.kind != .mark }.map(\.folded) : []
        guard lead.allSatisfy({ replyWords.contains($0) || departments.contains($0) }),
              !reason.contains(where: { replyDoubts.contains($0) || isNegation($0) }) else { return false }
        // "too" agrees at the end ("for me too"), and doubts before a word ("too tight").
        if let too = rest.firstIndex(of: "too"), too != rest.count - 1 { return false }
        return true
    }
    private static let replyDoubts: Set<String> = ["heroic", "optimistic", "stretch", "ambitious", "aggressive", "light", "tight", "generous",
                                                   "fantasy", "wishful", "unrealistic", "chance", "doubt", "maybe", "perhaps", "quoting", "quoted",
                                                   "said", "says", "your", "you", "their", "his", "her", "sorry", "old", "if", "unless", "ago"]
    private static let replyWords: Set<String> = ["too", "as", "well", "also", "for", "me", "us", "fair", "fine", "ok", "okay", "works",
                                                  "agreed", "agree", "same", "here", "from", "and", "i", "i'll", "i'd", "i'm", "we", "we'll",
                                                  "it", "that", "that's", "my", "our", "number", "defend", "stand", "by", "sign", "off", "on",
                                                  "board", "to", "the", "house-wide", "honestly", "realistically", "then", "'s", "is", "still",
                                                  "side", "end", "put", "in", "model"]

    /// Whether a statement brings in someone the paragraph is not about: a title ("the CEO", "her
    /// boss") or whom its person reports to.
    static func bringsInSomeoneElse(_ words: [String]) -> Bool {
        contains(words, ["reports", "to"]) || words.contains { ["ceo", "cfo", "coo", "cio", "cmo", "cno", "cmio", "ciso", "boss", "manager",
                                                                 "chair", "chairman", "president", "vp", "deputy"].contains($0) }
    }

    /// Whether a statement says its speaker was won over ("I'm persuaded", "you've changed my mind"),
    /// not "I'm not persuaded".
    static func changesMind(_ words: [String]) -> Bool {
        // (A change said as one: "I'm persuaded", "you've convinced me"; not "I'm convinced a pilot buys us
        // nothing", certainty, nor "I've yet to be convinced".)
        for cue in [["i'm", "persuaded"], ["im", "persuaded"], ["i", "am", "persuaded"], ["i'm", "now", "persuaded"], ["now", "persuaded"],
                    ["convinced", "me"], ["won", "me", "over"], ["changed", "my", "mind"], ["talked", "me", "round"],
                    ["talked", "me", "around"], ["brought", "me", "round"], ["brought", "me", "around"]] {
            guard let at = words.indices.first(where: { words[$0...].starts(with: cue) }) else { continue }
            if !words[max(0, at - 3)..<at].contains(where: { isNegation($0) || $0 == "yet" }) { return true }
        }
        return false
    }

    /// A statement that only leaves the view said just before it: a cue of a view dropped ("come
    /// off", "let go of", "moved off") pointing back with "that" or "it", and no topic or figure of
    /// its own ("I've come off that", "I've let that go").
    func takesBackThePrevious(_ statement: String, lowercaseText: Bool) -> Bool {
        let tokens = NoteText.tokens(of: statement)
        let words = tokens.filter { $0.kind != .mark }.map(\.folded)
        guard words.count <= 8, words.contains(where: { ["that", "it", "this"].contains($0) }),
              words.contains(where: { Self.firstPerson.contains($0) }),
              !words.contains(where: { Self.isNegation($0) }),
              Self.leavingCues.contains(where: { Self.contains(words, $0) }) else { return false }
        return phrases.mentions(in: tokens, lowercaseText: lowercaseText).isEmpty && NoteFigure.scan(tokens).isEmpty
    }

    /// A statement that only corrects the figure of the one before it: a cue ("sorry", "I mean",
    /// "correction", "make that") right before its one figure, no question and no topic of
    /// its own but that figure's. Returns the claim the figure replaces (its position among `claims`'
    /// indices) and the claim that replaces it: same holder and topic, the new figure, read in the
    /// old figure's unit when it has none ("forty weeks. Sorry -- thirty-six" is thirty-six weeks).
    func correction(_ statement: String, of claims: ArraySlice<NoteClaim>, voice: NoteVoice,
                    lowercaseText: Bool) -> (index: Int, claim: NoteClaim)? {
        let numbers = claims.indices.filter { if case .number = claims[$0].value { return true }; return false }
        guard numbers.count == 1, let index = numbers.first else { return nil }
        let old = claims[index]
        if case let .stakeholder(speaker) = voice, speaker != old.stakeholder { return nil }
        let tokens = NoteText.tokens(of: statement)
        guard !tokens.contains(where: { $0.isMark("?") }) else { return nil }
        // (Nobody named: "Sorry, twenty is what Lee said" corrects nothing of the speaker's.)
        guard people.mentions(in: tokens, lowercaseText: lowercaseText).isEmpty else { return nil }
        let allWords = tokens.indices.filter { tokens[$0].kind != .mark }
        // The cue opens the statement, after words of hesitation only ("No, sorry -- …", "Actually, make that 18").
        let rest = Array(allWords.drop { ["no", "oh", "actually", "er", "erm", "um", "uh"].contains(tokens[$0].folded) })
        let folded = rest.map { tokens[$0].folded }
        // Where the cue ends: the figure is the next word.
        var cueEnd: Int?
        if folded.first == "sorry" || folded.first == "correction" {
            cueEnd = rest[0]
        } else if folded.starts(with: ["i", "mean"]) {
            cueEnd = rest[1]
        } else if folded.starts(with: ["make", "that"]) {
            // ("make that": what was just said; not "make it", which is as often "can we make it 18?".)
            cueEnd = rest[1]
        }
        guard let cueEnd, !allWords.contains(where: { $0 < cueEnd && Self.isNegation(tokens[$0].folded) }), Self.conditionStart(tokens) == nil,
              let next = allWords.first(where: { $0 > cueEnd }) else { return nil }
        let figures = NoteFigure.scan(tokens).filter { if case .count = $0.unit { return false }; return true }
        guard figures.count == 1, var figure = figures.first, figure.first == next else { return nil }
        // The figure ends its clause: "thirty-six, now the upgrade has moved", not "14 months is what
        // our model shows" nor "six weeks of that is the freeze".
        guard figure.last + 1 == tokens.count || tokens[figure.last + 1].kind == .mark else { return nil }
        guard phrases.mentions(in: tokens, lowercaseText: lowercaseText).allSatisfy({ $0.topic == old.topic }),
              case let .number(unit, _) = taxonomy.topic(old.topic)?.kind, case let .number(was) = old.value else { return nil }
        if case .bare = figure.unit {
            // The unit the old figure was said in: the figure of its quote that gave its value.
            let said = NoteFigure.scan(NoteText.tokens(of: old.quote)).first { candidate in
                if case let .some(.some(value)) = Self.convert(candidate, to: unit) { return abs(value - was) <= abs(was) * 0.0001 }
                return false
            }
            if let said { figure.unit = said.unit }
        }
        guard case let .some(.some(value)) = Self.convert(figure, to: unit), value != was,
              NumberText.isAcceptable(value), FigureUnit.problem(value, unit: unit) == nil else { return nil }
        return (index, NoteClaim(stakeholder: old.stakeholder, topic: old.topic, value: .number((value * 10_000).rounded() / 10_000),
                                 quote: Self.quote(statement)))
    }

    /// "Lee Park, Dana's counterpart in IT, …": a counterpart or peer named as a stakeholder's
    /// colleague, not someone elsewhere ("my counterpart at Hollins Bay", "a peer at St. Ives").
    static func isColleague(_ index: Int, in tokens: [NoteToken]) -> Bool {
        ["counterpart", "counterparts", "peer", "peers"].contains(tokens[index].folded)
            && !(index > 0 && ["my", "our", "a", "their", "his", "her", "the", "one", "some"].contains(tokens[index - 1].folded))
    }

    /// "Nadezhda and her night team would rather…": the people at `index` come with a stakeholder
    /// named just before ("Name and her/his [one word] team"), who holds the view with them.
    static func isWithOwnPeople(_ index: Int, in tokens: [NoteToken], names: [NotePeople.Mention]) -> Bool {
        let lead = tokens[..<index].indices.filter { tokens[$0].isWord }.suffix(4)
        guard let pronoun = lead.last(where: { ["his", "her"].contains(tokens[$0].folded) }),
              lead.filter({ $0 > pronoun }).count <= 1,
              let and = lead.last(where: { $0 < pronoun }), tokens[and].folded == "and" else { return false }
        return names.contains { $0.last + 1 == and && !$0.possessive }
    }

    /// The one person a short statement says was not there, and nothing else: "Wendell wasn't on",
    /// "Agnieszka not on", "Hal was out".
    func absentee(_ statement: String, lowercaseText: Bool) -> String? {
        let tokens = NoteText.tokens(of: statement)
        let names = people.mentions(in: tokens, lowercaseText: lowercaseText)
        guard names.count == 1, case let .person(id) = names[0].match else { return nil }
        let words = tokens.filter(\.isWord).map(\.folded)
        guard words.count <= 8, phrases.mentions(in: tokens, lowercaseText: lowercaseText).isEmpty, NoteFigure.scan(tokens).isEmpty,
              Self.isSaidAbsent(names[0], in: tokens) else { return nil }
        return id
    }

    /// Whether the words right after a name say that person was not there: "Wendell wasn't on",
    /// "Agnieszka not on", "Hal is away", "Dana off sick" — not "Dana's not on board yet", "Dana
    /// gave nothing away".
    static func isSaidAbsent(_ name: NotePeople.Mention, in tokens: [NoteToken]) -> Bool {
        // ("Cuthbert (legal) wasn't on": past an aside.)
        guard let start = afterAside(name.last + 1, in: tokens) else { return false }
        var after = tokens[start...].filter(\.isWord).prefix(5).map(\.folded)
        if ["is", "was", "'s", "has", "had", "been"].contains(after.first ?? "") { after.removeFirst() }
        if after.first == "been" { after.removeFirst() }
        return absenceCues.contains { cue in after.starts(with: cue) && !(cue.last == "on" && after.dropFirst(cue.count).first == "board") }
    }
    private static let absenceCues: [[String]] = [["wasn't", "on"], ["not", "on"], ["isn't", "on"], ["out"], ["away"], ["absent"],
                                                  ["missed"], ["couldn't", "make"], ["not", "there"], ["wasn't", "there"], ["off", "sick"],
                                                  ["on", "leave"], ["dropped", "off"], ["didn't", "join"], ["did", "not", "join"]]

    /// The stakeholder a statement opens by reporting, when a pronoun follows the verb of speech:
    /// "Leticia says she'll want HITRUST", "but Agnes says he'll want…".
    func reportsForSomeone(_ statement: String, lowercaseText: Bool) -> String? {
        let tokens = NoteText.tokens(of: statement)
        guard let name = people.mentions(in: tokens, lowercaseText: lowercaseText).first, case let .person(id) = name.match,
              !name.possessive, name.last + 2 < tokens.count,
              tokens[..<name.first].allSatisfy({ !$0.isWord || ["but", "and", "though"].contains($0.folded) }),
              Self.speechWords.contains(tokens[name.last + 1].folded), Self.reportedPronouns.contains(tokens[name.last + 2].folded) else { return nil }
        return id
    }

    /// Words that make a figure a limit rather than the figure aimed at: "under a million".
    private static let boundWords: Set<String> = ["under", "below", "than", "over", "above", "most", "ceiling", "max", "maximum", "cap"]
    /// Words that name the figure aimed at: "her target is $980k".
    private static let targetWords: Set<String> = ["target", "target's", "targets", "targeting", "aim", "aiming", "goal"]

    /// Words by which a speaker leaves the view they just gave (not "that's a stretch", a doubt, nor
    /// "I said that earlier", a repeat).
    private static let leavingCues: [[String]] = [["come", "off"], ["came", "off"], ["moved", "off"], ["let", "go", "of"],
                                                  ["changed", "my", "mind"], ["take", "that", "back"], ["scratch", "that"],
                                                  ["backed", "off"], ["let", "that", "go"], ["walked", "that", "back"]]

    /// The number topic a paragraph is headed by: "Overtime: …" or "TCO." opening it.
    func headingTopic(_ statement: String, lowercaseText: Bool) -> String? {
        let tokens = NoteText.tokens(of: statement)
        guard let mention = phrases.mentions(in: tokens, lowercaseText: lowercaseText).first, mention.first == 0,
              taxonomy.topic(mention.topic)?.isNumber == true else { return nil }
        let rest = tokens[(mention.last + 1)...]
        guard rest.first?.isMark(":") == true || rest.allSatisfy({ $0.kind == .mark }) else { return nil }
        return mention.topic
    }

    /// "Priyanka V. — HITRUST r2 or we're done": a name alone before a spaced dash heads what
    /// follows it, as "Priyanka V.: …" would.
    func attributionsJoined(_ parts: [String], in line: String, voice: NoteVoice, lowercaseText: Bool) -> [String] {
        var joined: [String] = []
        var index = 0
        var cursor = line.startIndex
        while index < parts.count {
            let found = line.range(of: parts[index], range: cursor..<line.endIndex)
            if let found { cursor = found.upperBound }
            let tokens = NoteText.tokens(of: parts[index])
            let words = tokens.filter { $0.kind != .mark }
            let names = people.mentions(in: tokens, lowercaseText: lowercaseText)
            // (Not, in a buyer's own words, "Naomi — honestly, I'd put payback at 18" nor "Dana — our
            // budget is…": a name spoken to, before the speaker's own words.)
            let nextWords = index + 1 < parts.count ? NoteText.tokens(of: parts[index + 1]).map(\.folded) : []
            // (Nor "Struan -- confirm interface engine capacity": a task given to someone.)
            if index + 1 < parts.count, names.count == 1, case .person = names[0].match, !words.isEmpty,
               !Self.taskVerbs.contains(nextWords.first { $0.first?.isLetter == true } ?? ""),
               tokens[names[0].first...names[0].last].filter({ $0.kind != .mark }).count == words.count,
               !(voice.isStakeholder && nextWords.contains(where: { Self.firstPerson.contains($0) })),
               // The words as written, dash and all, so the quote is the text's own.
               let found, let next = line.range(of: parts[index + 1], range: found.upperBound..<line.endIndex) {
                joined.append(String(line[found.lowerBound..<next.upperBound]))
                cursor = next.upperBound
                index += 2
                continue
            }
            joined.append(parts[index])
            index += 1
        }
        return joined
    }

    static func quote(_ statement: String) -> String {
        let trimmed = NoteText.trimmed(statement)
        guard trimmed.count > quoteLimit else { return trimmed }
        return String(trimmed.prefix(quoteLimit - 1)) + "…"
    }

    // MARK: - Statements

    private static let abbreviations: Set<String> = ["e.g", "i.e", "vs", "approx", "dr", "mr", "mrs", "ms", "st", "etc", "inc", "no", "est"]

    /// A line split into statements: sentences, parts joined by ";" or a spaced dash, and the part
    /// after ", but".
    static func statements(in line: String) -> [String] {
        let characters = Array(line)
        var parts: [String] = []
        var current = ""
        var index = 0
        func flush() {
            let text = NoteText.trimmed(current)
            if text.contains(where: { $0.isLetter || $0.isNumber }) { parts.append(text) }
            current = ""
        }
        while index < characters.count {
            let character = characters[index]
            let next: Character = index + 1 < characters.count ? characters[index + 1] : " "
            if character == ";" {
                flush()
            } else if ".?!".contains(character), next.isWhitespace {
                current.append(character)
                let words = current.dropLast().split(separator: " ")
                let written = words.last.map(String.init) ?? ""
                let lastWord = written.lowercased()
                // Not after an initial ("Pat K.") or an abbreviation ("vs.", "e.g.").
                // ("So am I." and "Nor do I." end a sentence: "I" after a word in lower case is the pronoun.)
                let pronoun = written == "I" && words.count >= 2 && words[words.count - 2].first?.isLowercase == true
                let initial = lastWord.count == 1 && lastWord.first!.isLetter && !pronoun
                // ("No. 5 North" abbreviates a number; "No. We're doing it in waves." and "they said no. 2027
                // is too late" answer.)
                let answer = lastWord == "no" && !(written == "No" && index + 2 < characters.count && characters[index + 2].isNumber)
                // ("…with Aurora W. He was at 14 last week": a pronoun after an initial opens a sentence.)
                let rest = characters[(index + 1)...].drop { $0.isWhitespace }
                let opensSentence = initial && ["He ", "She ", "They ", "We ", "It ", "That ", "This ", "There ", "He's ", "She's "]
                    .contains { rest.starts(with: $0) }
                if character != "." || !(initial || (abbreviations.contains(lastWord) && !answer)) || opensSentence { flush() }
            } else if character == ")", index > 0, ".?!".contains(characters[index - 1]), next.isWhitespace,
                      // (A sentence in brackets, not "Lee (IT dir.) wants it on-prem".)
                      current.split(separator: "(").last.map({ $0.split(separator: " ").count >= 3 }) == true {
                // "(He would say that.) I put our number on the table…": an aside's own sentence ends there.
                current.append(character)
                flush()
            } else if (character == "—" || character == "–" || character == "-"), index > 0, characters[index - 1] == " ", next == " " {
                flush()
            } else if character == ",", line[line.index(line.startIndex, offsetBy: index)...].hasPrefix(", but "),
                      // ("He'd go multi-year, but only with a cap on the uplift": the condition of what it follows.)
                      !["only if ", "only with ", "only when ", "only once ", "only after ", "only provided ", "only as long as ", "not unless "]
                        .contains(where: { line[line.index(line.startIndex, offsetBy: index + 6)...].lowercased().hasPrefix($0) }) {
                flush()
                index += 1
                continue
            } else {
                current.append(character)
            }
            index += 1
        }
        flush()
        return parts
    }

    /// A statement opened by a concession, "Even if Leopold's team could build it, I'd buy a
    /// platform", without it: what follows holds whatever the concession says, and the concession
    /// itself is nobody's view (nor is the person it names the one speaking).
    static func concessionRemoved(_ statement: String) -> String {
        let opening = statement.prefix(12).lowercased()
        guard opening.hasPrefix("even if ") || opening.hasPrefix("even though "), let comma = statement.firstIndex(of: ",") else { return statement }
        let rest = NoteText.trimmed(String(statement[statement.index(after: comma)...]))
        return rest.isEmpty ? statement : rest
    }

    /// Words that may join a second holder's clause to the first: ", and Odette tells me…".
    private static let clauseLinks: Set<String> = ["and", "while", "whereas", "though", "but", "yet"]
    /// What a position "would" do to someone when the speaker names it only to warn against it
    /// ("a big bang would eat my staffing office"); "hybrid would work", "would suffice" are views.
    private static let wouldHarm: Set<String> = ["eat", "bury", "kill", "sink", "wreck", "swamp", "overwhelm", "hurt", "break", "drown",
                                                 "crush", "cripple", "tank", "destroy", "overload", "flatten", "gut", "burn", "blow", "derail",
                                                 "sabotage", "ruin", "torpedo"]
    /// Words that open another holder's clause in unpunctuated, dictated text ("and then Greta said…").
    private static let spokenLinks: Set<String> = ["and", "but", "then", "so", "while", "whereas"]

    /// A statement in which two people hold views apart, split at the comma before the second:
    /// "Lachlan still on 15 mo payback, hasnt moved, Kwame's closer to 12"; "SOC 2 is plenty for
    /// me, and Odette tells me legal wants the data clause to say US only". The part before must
    /// have a holder of its own (a stakeholder named, or the writer's "I"), and the part after a
    /// topic or a figure: "big bang, Cornelius says" stays whole.
    func holderParts(_ statement: String, lowercaseText: Bool) -> [String] {
        let tokens = NoteText.tokens(of: statement)
        let names = people.mentions(in: tokens, lowercaseText: lowercaseText)
        guard !names.isEmpty else { return [statement] }
        let topics = phrases.mentions(in: tokens, lowercaseText: lowercaseText)
        let figures = NoteFigure.scan(tokens)
        // Each cut: where the part before ends (its comma) and where the next begins (the name).
        var cuts: [(end: Int, start: Int)] = []
        var partStart = 0
        for name in names where name.first > 1 {
            var before = name.first - 1
            if Self.clauseLinks.contains(tokens[before].folded) { before -= 1 }
            let comma = before > partStart && tokens[before].isMark(",")
            // Dictated notes run on without commas: "…Oswin wants under a year and Cosima Brandauer
            // said eighteen months…". There a link word alone ("and", "but", "and then") opens the
            // next holder's clause, when a view word follows the name.
            var linkStart = name.first
            while linkStart - 1 > partStart, Self.spokenLinks.contains(tokens[linkStart - 1].folded), name.first - linkStart < 2 { linkStart -= 1 }
            // (Not inside an open condition: "if the pilot lands by March then Dana wants the big bang".)
            let spoken = !comma && linkStart < name.first && !tokens[partStart..<linkStart].contains { $0.isMark(",") }
                && Self.conditionStart(Array(tokens[partStart..<linkStart])) == nil
            guard comma || spoken else { continue }
            // A name spoken to ("…, Magnus, I'd rather…") is not a holder.
            if name.last + 1 < tokens.count, tokens[name.last + 1].isMark(",") { continue }
            let next = tokens[(name.last + 1)...].prefix(2)
            guard (name.possessive && !spoken) || next.contains(where: { Self.viewWords.contains($0.folded) }) else { continue }
            let earlier = partStart..<(comma ? before : linkStart)
            let holdsBefore = names.contains { earlier.contains($0.first) } || earlier.contains { Self.firstPerson.contains(tokens[$0].folded) }
            let viewAfter = topics.contains { $0.first > name.last } || figures.contains { $0.first > name.last }
            let viewBefore = topics.contains { earlier.contains($0.first) } || figures.contains { earlier.contains($0.first) }
            guard holdsBefore, viewAfter, viewBefore else { continue }
            cuts.append((comma ? tokens[before].start : tokens[linkStart].start, tokens[name.first].start))
            partStart = name.first
        }
        guard !cuts.isEmpty else { return [statement] }
        let characters = Array(statement)
        var parts: [String] = []
        var from = 0
        for cut in cuts + [(characters.count, characters.count)] {
            let part = NoteText.trimmed(String(characters[from..<cut.end]))
            if !part.isEmpty { parts.append(part) }
            from = cut.start
        }
        return parts
    }

    // MARK: - One statement

    struct Verdict {
        /// What the next statement of the line may lean on ("Dana budgeted $120k" after "Lee thinks
        /// the three-year cost is…"; "he wants…" after "Tariq wants…").
        struct Context {
            var numberTopic: String?
            var holder: String?
            /// The statement named its number topic with no figure ("I'm a touch lower on overtime.").
            var awaitsFigure = false
            /// In a conversation, the number topic the turn before this one ended on: what a reply
            /// that opens with a figure is about ("Payback?" / … / "Eighteen for me too.").
            var replyTopic: String?
            /// A figure without a unit may answer that turn: its figure was in the topic's own unit
            /// ("eighteen months" on payback), so "Eighteen for me too" means the same (not after
            /// "nine months" on a go-live kept in weeks, nor after "$1.2 million").
            var replyBare = false
            /// The statement's number claim was read from a figure without a unit or in the topic's own.
            var figureInTopicUnit = false
        }

        var claims: [NoteClaim] = []
        /// Figures the statement takes back for its holder ("…, not 20"), with the holder's id.
        var setAside: [NoteClaim] = []
        var skipped: SkipReason?
        /// Its figure answered the turn before ("Eighteen for me too."), on that turn's topic.
        var replied = false
        var context = Context()
        /// The statement's words, folded, as ``judge(_:voice:previous:heading:lowercaseText:)`` read
        /// them (so the line's rules after it need not tokenize it again).
        var words: [String] = []
    }

    private static let questionCues: [[String]] = [["asked", "if"], ["asked", "whether"], ["asked", "about"], ["wondering"], ["wondered"],
                                                   ["want", "to", "know"], ["wants", "to", "know"], ["asking", "if"], ["asking", "whether"]]
        // "Desmond asked me whether a three-year term could…": the same, with whom it was asked.
        + ["me", "us", "him", "her", "them"].flatMap { whom in [["asked", whom, "whether"], ["asked", whom, "if"], ["asking", whom, "whether"]] }

    /// "Desmond asked what our annual price escalator is", "asked me how long a pilot takes": a
    /// question someone else asked (not "When I asked what their budget was, Dana said $1.2M", the
    /// answer after the speaker's own question).
    static func asksWhat(_ words: [String]) -> Bool {
        words.indices.contains { at in
            guard ["asked", "asking"].contains(words[at]), at > 0, !["i", "we", "when", "after", "once", "if", "i'd", "we'd"].contains(words[at - 1])
            else { return false }
            var next = at + 1
            if next < words.count, ["me", "us", "him", "her", "them"].contains(words[next]) { next += 1 }
            return next < words.count && ["what", "how", "when", "which", "why"].contains(words[next])
        }
    }

    /// Where the first condition of a statement starts, if any.
    static func conditionStart(_ tokens: [NoteToken]) -> Int? {
        let positions = tokens.indices.filter { tokens[$0].kind != .mark }
        for (offset, index) in positions.enumerated() {
            // ("Should they offer hybrid, …" opens a condition; "we should, you know, start…" does not.)
            // ("Hosting to be hybrid, pending Wendell's review", "hybrid, subject to Zuzana's review": after a
            // comma; not "the pending renewal", "not subject to any cap".)
            // ("Without the cap, annual." opens a condition; "hybrid without offshore support" does not.)
            for cue in conditionCues where offset + cue.count <= positions.count && (!["should", "without"].contains(cue[0]) || offset == 0)
                && (cue[0] != "without" || (tokens[index...].contains(where: { $0.isMark(",") })
                    // (Not "Without a doubt, …", "Without getting into the weeds, …": set phrases.)
                    && positions.dropFirst(offset + 1).first.map { next in
                        !["a", "doubt", "question", "exception", "fail", "further"].contains(tokens[next].folded) && !tokens[next].folded.hasSuffix("ing")
                    } == true))
                && (!["pending", "subject"].contains(cue[0]) || (index > 0 && tokens[index - 1].isMark(","))) {
                if cue.indices.allSatisfy({ tokens[positions[offset + $0]].folded == cue[$0] }) { return index }
            }
        }
        return nil
    }

    private static let conditionCues: [[String]] = [["if"], ["unless"], ["provided"], ["providing"], ["assuming"], ["as", "long", "as"],
                                                    ["so", "long", "as"], ["only", "when"], ["depending"], ["contingent"], ["in", "case"],
                                                    ["suppose"], ["supposing"], ["hypothetically"],
                                                    // "a multi-year term only with a termination right after year one".
                                                    ["only", "with"],
                                                    // "In that case, multi-year's fine", "Should they offer hybrid, I'd look at it".
                                                    ["in", "that", "case"], ["on", "condition"], ["should", "they"], ["should", "you"],
                                                    ["pending"], ["subject", "to"], ["without"]]
    /// A view set aside or no longer held: "no longer", "I was too optimistic at 18", "I said … earlier".
    private static let droppedViewCues: [[String]] = [["no", "longer"], ["not", "sure"], ["too", "optimistic"], ["backed", "off"],
                                                      ["walked", "back"], ["no", "view"], ["earlier"], ["previously"], ["originally"],
                                                      ["used", "to"], ["at", "first"], ["scratch"], ["changed", "my", "mind"],
                                                      ["take", "that", "back"], ["forget", "what"], ["come", "round"], ["come", "around"],
                                                      ["came", "round"], ["came", "around"], ["me", "being"],
                                                      // "I've come down from on-prem-or-nothing": moved off that view.
                                                      ["come", "down", "from"], ["came", "down", "from"], ["moved", "away", "from"],
                                                      // "I'm done arguing for a big bang", "gave up on on-prem": a view let go.
                                                      ["done", "arguing"], ["done", "pushing"], ["stopped", "arguing"], ["stopped", "pushing"],
                                                      ["stop", "arguing"], ["stop", "pushing"],
                                                      // "I said SOC 2 would do, and I'm not saying that any more".
                                                      ["not", "saying", "that"],
                                                      ["gave", "up", "on"], ["given", "up", "on"], ["giving", "up", "on"],
                                                      // "I was on-prem until January and I've given that up".
                                                      ["given", "that", "up"], ["gave", "that", "up"], ["given", "it", "up"], ["gave", "it", "up"],
                                                      // "I've come off big bang": moved off it.
                                                      ["come", "off"], ["came", "off"], ["coming", "off"],
                                                      // "I've let go of big bang".
                                                      ["let", "go", "of"], ["letting", "go", "of"],
                                                      // "I'm not disputing your 18": someone else's figure, left standing.
                                                      ["not", "disputing"], ["not", "arguing", "with"],
                                                      // "My first instinct was to build our own", "I walked in here on-prem or
                                                      // nothing", "I came in today wanting to extend Epic": where the speaker started.
                                                      ["first", "instinct"], ["initial", "instinct"], ["walked", "in", "here"],
                                                      ["walked", "in", "today"], ["walked", "in", "wanting"], ["came", "in", "here"],
                                                      // "I came into this wanting a big bang": where the speaker started.
                                                      ["i", "came", "in", "wanting"],
                                                      // "Fifteen was me getting carried away", "I asked for it inside Epic and I was wrong".
                                                      ["getting", "carried", "away"], ["got", "carried", "away"], ["and", "i", "was", "wrong"],
                                                      ["came", "in", "wanting"], ["came", "in", "today", "wanting"],
                                                      // "I'd have liked to flip the switch": a wish given up.
                                                      ["have", "liked"], ["have", "preferred"], ["have", "wanted"],
                                                      // "Epic-native was my first choice", "I was at annual on the term": where
                                                      // the speaker stood before.
                                                      ["was", "my", "first", "choice"], ["was", "our", "first", "choice"],
                                                      // "On-prem was my opening position, I know", "Twelve months was my number,
                                                      // but I can take fifteen": the speaker's own view of before.
                                                      ["was", "my", "opening"], ["was", "my", "original"], ["was", "my", "starting"],
                                                      ["was", "my", "old"],
                                                      ["i", "was", "at"], ["we", "were", "at"],
                                                      // "I'm off the big bang": moved off it.
                                                      ["i'm", "off"], ["im", "off"], ["we're", "off"], ["he's", "off"], ["she's", "off"],
                                                      // "15 on OT is a stretch": a figure doubted, not held.
                                                      ["a", "stretch"], ["wishful", "thinking"], ["pie", "in", "the", "sky"],
                                                      // "I'm hearing 24 weeks from Rowan and 30 from Struan": hearsay, not a view.
                                                      ["i'm", "hearing"], ["im", "hearing"], ["we're", "hearing"],
                                                      // "I was the big-bang person and I've let that go".
                                                      ["let", "that", "go"], ["let", "it", "go"],
                                                      // "devil's advocate -- big bang is cheaper": a view argued, not held.
                                                      ["devil's", "advocate"], ["devils", "advocate"], ["devil", "'s", "advocate"]]
    /// Words of degree between an article and a position: "a fully on-premises install".
    private static let degreeWords: Set<String> = ["fully", "full", "entirely", "completely", "purely", "pure", "strictly", "totally"]

    /// A view the statement sets aside: a cue of ``droppedViewCues``, or the speaker's own past wish
    /// ("I wanted the big bang"; not "I wanted to flag…", a polite present).
    static func dropsView(_ words: [String]) -> Bool {
        // "has come round to a phased rollout": the view it comes round to is held.
        // (Not "come round to dropping the big bang", "to the view that…".)
        let comesRoundTo = words.indices.dropLast(3).contains { at in
            guard ["come", "came", "coming"].contains(words[at]), ["round", "around"].contains(words[at + 1]), words[at + 2] == "to" else { return false }
            let next = words[(at + 3)...].first { !["a", "an", "the"].contains($0) } ?? ""
            return !next.hasSuffix("ing") && !["view", "idea", "thinking", "opinion", "fact"].contains(next)
        }
        if droppedViewCues.contains(where: { cue in
            contains(words, cue) && !(comesRoundTo && ["round", "around"].contains(cue.last ?? ""))
                // ("$1.2M was my original budget and I'm holding to it": kept.)
                && !(cue.first == "was" && cue.count == 3 && words.contains { ["still", "holding", "sticking", "standing"].contains($0) })
                // ("I won't stop pushing for HITRUST": held.)
                && !(cue.first == "stop" && words.indices.contains { at in
                    at + 1 < words.count && words[at + 1] == "stop" && (isNegation(words[at]) || ["won't", "wont", "never", "can't", "cant"].contains(words[at]))
                })
        }) { return true }
        // "Twelve months was my number, but …" (not "was my number one requirement, and it still is").
        if let at = words.indices.dropLast(2).first(where: { words[$0] == "was" && words[$0 + 1] == "my" && words[$0 + 2] == "number" }),
           at + 3 == words.count || words[at + 3] != "one", !words.contains(where: { ["still", "holding", "sticking", "standing"].contains($0) }) {
            return true
        }
        // "Maybe 20 on nights but I wouldn't put that in writing": a figure its speaker won't stand by.
        if let at = words.indices.first(where: { $0 + 1 < words.count && words[$0] == "in" && words[$0 + 1] == "writing" }),
           words[max(0, at - 5)..<at].contains(where: { ["wouldnt", "wouldn't", "won't", "wont", "not", "never"].contains($0) }) {
            return true
        }
        // "I had six months to go-live in my notes": what the notes said; "I've held out for annual
        // long enough": a view let go.
        if contains(words, ["i", "had"]), words.suffix(3) == ["in", "my", "notes"] { return true }
        // "I'd had 8% in my head going in": where the speaker started.
        if contains(words, ["in", "my", "head"]), words.contains("had") || contains(words, ["going", "in"]) { return true }
        if contains(words, ["held", "out"]), contains(words, ["long", "enough"]) { return true }
        // "Hosting, HITRUST and all that -- not my area": a topic handed on (not "Hybrid works for me
        // but hosting is not my area").
        for cue in [["not", "my", "area"], ["not", "my", "department"], ["not", "my", "field"]] {
            if let at = words.indices.first(where: { words[$0...].starts(with: cue) }), !words[..<at].contains("but") { return true }
        }
        // "I was the big bang guy", "I've been the big-bang guy": who the speaker was (not "I was the
        // one who asked for hybrid, and I still want it").
        for index in words.indices.dropLast(2) where (words[index] == "i" && words[index + 1] == "was" || ["i've", "ive"].contains(words[index])
                && words[index + 1] == "been") && words[index + 2] == "the" {
            let role = words[(index + 3)..<min(words.count, index + 7)]
            if role.contains(where: { ["guy", "person", "champion", "fan", "advocate", "holdout", "voice", "diehard", "die-hard", "hardliner"].contains($0) }),
               !words.contains("still") {
                return true
            }
        }
        // "I was on-prem for a year and I've moved": a view left (not "I've moved go-live to April").
        for index in words.indices.dropLast() where ["i've", "ive", "we've"].contains(words[index]) && words[index + 1] == "moved" {
            if index + 2 == words.count || ["on", "off", "away", "over", "past"].contains(words[index + 2]) { return true }
        }
        // "He was firmly on-prem in January": where someone stood then (not "… and still is").
        // (The month within a few words of "was", and no view said then: not "She was clear in March that
        // she wants HITRUST", "As I was saying in October", "They were hoping to go live in May".)
        // ("Jareth was on HITRUST last month": a name that opens the clause, and "last month".)
        if let was = words.indices.dropLast().first(where: { (["he", "she", "i", "we", "they"].contains(words[$0]) || $0 == 0)
               && ["was", "were"].contains(words[$0 + 1]) }),
           words.indices.dropLast().contains(where: { at in
               at > was && at - was <= 5 && (["in", "until", "till", "through"].contains(words[at]) && NoteText.months.contains(words[at + 1])
                   // ("I was on annual until Thursday.")
                   || ["until", "till"].contains(words[at]) && NoteText.weekdays.contains(words[at + 1]) && at + 2 == words.count
                   || words[at] == "last" && at + 2 == words.count && ["month", "week", "year", "quarter", "spring", "summer", "autumn", "fall",
                                                                       "winter"].contains(words[at + 1])
                      // (Only where someone stood, "was on HITRUST last month": not "Dana was firm on the cap last week".)
                      && was + 2 < words.count && ["on", "at", "for"].contains(words[was + 2]))
           }),
           !words.contains(where: { ["still", "that", "wants", "want", "said", "saying", "hoping", "clear", "confirmed", "told", "planning",
                                     "firm", "adamant", "insistent", "pushing"].contains($0) }) {
            return true
        }
        // "I came into this wanting a big bang", "I came into this week insisting that…": where the speaker
        // started (not "We came into this needing HITRUST and that hasn't changed").
        // ("I went into Monday wanting everything inside Epic": the same.)
        if let came = words.indices.dropLast(3).first(where: { ["i", "we"].contains(words[$0]) && ["came", "went"].contains(words[$0 + 1])
               && words[$0 + 2] == "into" }),
           words[(came + 3)...].prefix(3).contains(where: { ["wanting", "expecting", "insisting", "hoping", "assuming", "thinking", "needing",
                                                             "believing", "convinced", "set"].contains($0) }),
           !words.contains(where: { ["still", "changed", "unchanged"].contains($0) }) || contains(words, ["changed", "my", "mind"]) {
            return true
        }
        // ("I'd wanted a one-year deal as a fallback, and I don't need it now": the same.)
        for index in words.indices.dropLast() where ["i", "we", "i'd", "we'd"].contains(words[index]) && words[index + 1] == "wanted" {
            if index + 2 >= words.count || words[index + 2] != "to" { return true }
            // ("On Monday I wanted to flip the switch everywhere": a wish of a day gone, not "I wanted to say
            // I still want…".)
            let then = index >= 2 && (words[index - 2] == "on" && NoteText.weekdays.contains(words[index - 1])
                || words[index - 2] == "last" && ["week", "month", "time"].contains(words[index - 1]))
                || index >= 1 && words[index - 1] == "yesterday"
            // (Not the politeness of "Following up from yesterday I wanted to confirm we need HITRUST".)
            if then, !words.contains(where: { ["still", "say", "and", "but"].contains($0) }),
               index + 3 >= words.count || !["confirm", "flag", "let", "mention", "share", "clarify", "check", "say", "note", "add"].contains(words[index + 3]) {
                return true
            }
        }
        return false
    }
    /// Words that hold an opinion, whoever's: a statement with one of them says what someone thinks.
    static let opinionWords: Set<String> = ["want", "wants", "wanted", "prefer", "prefers", "preferred", "need", "needs", "like", "likes",
                                            "fine", "happy", "ok", "okay", "comfortable", "agree", "agrees", "agreed", "support", "supports",
                                            "back", "backs", "favor", "favors", "favour", "favours", "push", "pushes", "pushing", "insist",
                                            "insists", "lean", "leans", "think", "thinks", "rather"]
    /// What a position can cost: "means two more servers", "puts us well past it".
    static let costWords: Set<String> = ["more", "extra", "past", "over", "another", "additional", "two", "three", "four", "double", "twice",
                                         "second", "sets"]

    /// "is their standard", "is available" right after a position ("Three-year term is their standard",
    /// "Annual is available but costs 8% more"): what the vendor offers, described in a buyer's notes.
    static func describesOffer(_ words: [String]) -> Bool {
        [["is", "their", "standard"], ["is", "available"], ["are", "available"], ["is", "on", "offer"], ["is", "their", "default"]]
            .contains { words.starts(with: $0) }
    }

    /// "set the ceiling for the three-year cost at $1.25M", "sets a cap of": a limit someone sets is their view.
    static func setsALimit(_ index: Int, in tokens: [NoteToken]) -> Bool {
        guard ["set", "sets", "setting"].contains(tokens[index].folded), index + 2 < tokens.count,
              ["the", "a", "her", "his", "their", "our", "my"].contains(tokens[index + 1].folded) else { return false }
        return ["ceiling", "cap", "target", "limit", "budget", "floor", "bar"].contains(tokens[index + 2].folded)
    }

    /// Words of a measure moving: "up 6% since January".
    static let changeWords: Set<String> = ["up", "down", "rose", "risen", "fell", "fallen", "increased", "decreased", "dropped", "grown", "grew",
                                           "climbed", "jumped", "higher", "lower"]

    /// "Sunniva thinks 8% on overtime is optimistic", "thought 14 months was tight", "go-live in under
    /// six months isn't realistic": a figure said to be wrong, right after it (not "eighteen months is
    /// fine", nor "…was tight and said a 20-month payback would still get through", the later figure's).
    static func isDoubted(_ figure: NoteFigure, in tokens: [NoteToken]) -> Bool {
        let after = tokens[(figure.last + 1)...].prefix(7)
        guard let verb = after.firstIndex(where: { ["is", "was", "'s", "isn't", "wasn't", "isnt"].contains($0.folded) }),
              // (Not through "which": "under a year which is aggressive" is the writer's comment on it.)
              verb - figure.last <= 4, !tokens[(figure.last + 1)..<verb].contains(where: { $0.kind == .mark || $0.isNumber || ["which", "that"].contains($0.folded) })
        else { return false }
        let rest = tokens[(verb + 1)...].filter(\.isWord).prefix(3).map(\.folded)
        let doubts: Set<String> = ["optimistic", "tight", "aggressive", "heroic", "ambitious", "unrealistic", "fantasy", "generous", "wishful"]
        if ["isn't", "wasn't", "isnt"].contains(tokens[verb].folded) {
            return rest.first.map { ["realistic", "achievable", "doable", "credible", "possible", "happening", "going"].contains($0) } ?? false
        }
        return rest.prefix(2).contains { doubts.contains($0) } || rest.starts(with: ["a", "stretch"]) || rest.starts(with: ["not", "realistic"])
    }

    /// "Go-live in 90 days, which the vendor floated, won't happen", "Twenty weeks, which is what they
    /// pitched, isn't realistic": a figure the statement denies past a relative aside about it.
    /// (Not "Eighteen months, which is what I said in March, and I'm not moving": the denial must be
    /// what follows the aside.)
    static func isDeniedAfterAside(_ figure: NoteFigure, in tokens: [NoteToken]) -> Bool {
        var at = figure.last + 1
        guard at + 1 < tokens.count, tokens[at].isMark(","), ["which", "that", "what"].contains(tokens[at + 1].folded),
              let close = tokens[(at + 2)...].firstIndex(where: { $0.isMark(",") }) else { return false }
        at = close + 1
        let next = tokens[at...].filter(\.isWord).prefix(3).map(\.folded)
        guard let first = next.first else { return false }
        let denial: Set<String> = ["won't", "wont", "isn't", "isnt", "can't", "cant", "ain't", "doesn't", "doesnt", "never"]
        // (Only a denial that it will happen or is real: not "$1.2M, which the board set, is not
        // negotiable", "…, can't be exceeded", "…, isn't going to move": held firm.)
        let unreal: Set<String> = ["happen", "happening", "realistic", "work", "achievable", "doable", "fly", "possible", "credible",
                                   "believable", "feasible", "real", "true"]
        let rest = tokens[at...].filter(\.isWord).prefix(5).map(\.folded)
        guard denial.contains(first) || (["is", "will", "'s"].contains(first) && next.count > 1 && ["not", "never"].contains(next[1])) else { return false }
        return rest.dropFirst().prefix(4).contains { unreal.contains($0) }
    }

    /// "I said 1.1 on the first call", "I said two years at the demo", "I said eight months before":
    /// what the speaker said then, in the clause of the view (`clause`), unless the statement still
    /// stands by it (`statement`: "…, and I still stand by it"). Not "I said pilot first".
    static func saidThen(_ clause: [String], statement: [String]) -> Bool {
        let standsBy = statement.contains { ["still", "stand", "stick", "standing", "sticking", "nothing's", "nothings", "haven't", "havent"].contains($0) }
        // "I said annual for year one, I know.": a view of before, owned to (not "I said annual and I meant it").
        if statement.suffix(2) == ["i", "know"], statement.suffix(3).first != "as",
           contains(clause, ["i", "said"]) || contains(clause, ["i", "wanted"]) { return !standsBy }
        // "I was the one who wanted to flip the switch": a wish of then (not "…, and nothing's changed").
        if let was = clause.indices.dropLast(5).first(where: { clause[$0] == "i" && clause[$0 + 1] == "was" }),
           Array(clause[(was + 2)..<(was + 5)]) == ["the", "one", "who"], clause[was + 5] == "wanted" {
            return !standsBy
        }
        // ("I floated extending the module at the demo"; only "I" floats, suggests or proposes then: not
        // "We proposed phased on the first call and Dana agreed", "I suggested a pilot because last time…".)
        // ("I had seven to eight months last Monday": a figure the speaker had then.)
        // (Someone else's wish or idea with its day: "Hamza wanted all units at once back in March",
        // "Cosmin floated extending the module last autumn"; not what someone said then, which is
        // their view as reported: "Lee said on Tuesday the three-year cost is $310k".)
        guard let said = clause.indices.dropLast().first(where: {
            // ("she'd said $975k going in": said before, in the past of a report.)
            ["i", "we", "i'd", "we'd", "he'd", "she'd"].contains(clause[$0]) && ["said", "told"].contains(clause[$0 + 1])
                || clause[$0] == "i" && ["floated", "suggested", "proposed", "had", "argued", "pushed"].contains(clause[$0 + 1])
                || !["i", "we", "you", "they"].contains(clause[$0]) && ["wanted", "floated", "suggested", "proposed"].contains(clause[$0 + 1])
        }), !statement.contains("because"), !statement.contains("agreed")
        else { return false }
        let rest = Array(clause[(said + 2)...])
        // (Someone else's idea floated "on Tuesday" or "last week" is a recap of what they put forward,
        // theirs still: "Lee proposed a pilot on 4 North on Tuesday"; "back in March", "last autumn" is
        // long enough ago to have been left.)
        if ["floated", "suggested", "proposed"].contains(clause[said + 1]), clause[said] != "i" {
            let longAgo = rest.count >= 3 && rest[rest.count - 3] == "back" && rest[rest.count - 2] == "in"
                || rest.count >= 2 && rest[rest.count - 2] == "last" && ["autumn", "fall", "spring", "summer", "winter", "year"].contains(rest.last!)
            if !longAgo { return false }
        }
        // (What someone had or wanted is the clause's only news: not "I had lunch with Dana on Tuesday
        // and she wants annual".)
        if ["had", "wanted", "floated", "suggested", "proposed"].contains(clause[said + 1]), !["i", "we"].contains(clause[said]) || clause[said + 1] == "had",
           rest.contains(where: { ["and", "but", "he", "she", "they", "who", "which"].contains($0) }) {
            return false
        }
        let then = rest.last == "before" || [["first", "call"], ["first", "meeting"], ["last", "time"], ["last", "call"],
                                             ["at", "the", "demo"], ["in", "the", "demo"], ["at", "the", "workshop"], ["in", "the", "workshop"],
                                             ["at", "the", "kickoff"], ["at", "the", "kick-off"]]
            .contains { contains(rest, $0) }
            // "she'd said $975k going in": where the speaker started the meeting.
            || rest.suffix(2) == ["going", "in"]
            || rest.indices.dropLast().contains { at in
                // "on Tuesday", "last Monday", "last week", "last autumn", "back in March", closing the
                // clause (not "I told you last week we need go-live inside nine months", said again now).
                guard rest.count - at == (rest[at] == "back" ? 3 : 2) else { return false }
                let next = rest[at + 1]
                switch rest[at] {
                case "on": return NoteText.weekdays.contains(next)
                case "last": return NoteText.weekdays.contains(next) || ["week", "month", "autumn", "fall", "spring", "summer", "winter", "year",
                                                                "quarter"].contains(next)
                case "back": return next == "in" && at + 2 < rest.count && NoteText.months.contains(rest[at + 2])
                default: return false
                }
            }
        // "On Monday I said SOC 2 Type II would do, and I'm not saying that any more": a view said then,
        // taken back in the same breath (not "Last week I told the board we need HITRUST", said again).
        let takenBack = clause[said + 1] == "said" && (statement.contains("anymore") || contains(statement, ["any", "more"])
            || contains(statement, ["not", "saying"]))
        return (then || takenBack) && !standsBy
    }

    /// "I said two years at the meeting", "on Monday I said two years", "I said on-prem, full stop": the
    /// speaker reporting their own words of before (not "I still say…", "as I said, …").
    static func reportsOwnEarlierWords(_ quote: String) -> Bool {
        reportsOwnEarlierWords(words: NoteText.tokens(of: quote).filter(\.isWord).map(\.folded))
    }

    /// The same, on a statement's folded words as ``judge(_:voice:previous:heading:lowercaseText:)`` read them.
    static func reportsOwnEarlierWords(words: [String]) -> Bool {
        // ("On the TCO, I'd been working to $1.2M.": where the speaker had been.)
        // ("I was on-prem for the whole system.", "I asked for annual on Monday": the same.)
        // ("I was" only where the speaker was: "I was on-prem", "I was at 18", not "I was clear with the board".)
        guard let said = words.indices.dropLast().first(where: { ["i", "i'd"].contains(words[$0])
            && (["said", "told", "been", "asked", "argued", "pushed"].contains(words[$0 + 1])
                || words[$0 + 1] == "was" && $0 + 2 < words.count && !["clear", "firm", "explicit", "adamant", "told", "wrong", "right", "sure"].contains(words[$0 + 2])) })
        else { return false }
        return !(said > 0 && ["as", "like"].contains(words[said - 1]))
            && !words.contains { ["still", "stand", "stick", "standing", "sticking", "again"].contains($0) }
    }

    /// What a vendor hands a buyer: "your deck", "your model" hold the vendor's figures, not the speaker's.
    private static let vendorMaterial: Set<String> = ["deck", "decks", "slide", "slides", "model", "proposal", "quote", "estimate", "numbers",
                                                      "projection", "projections", "case", "calculator", "brochure", "website",
                                                      "materials", "material", "collateral", "draft",
                                                      // "Hybrid was your line for two months": the listener's, not the speaker's.
                                                      "line"]
    /// "… and I'm not doing it here", "never again": a refusal of what the statement named before it.
    private static let refusalCues: [[String]] = [["not", "doing", "it"], ["not", "doing", "that"], ["never", "again"],
                                                  ["not", "going", "there"],
                                                  // "a big bang in one weekend, what could possibly go wrong": irony.
                                                  ["could", "possibly", "go", "wrong"]]
    /// "and that's with the pilot": a position named as context, not as a view.
    private static let contextPrepositions: Set<String> = ["with", "after", "during", "including", "of", "from", "for", "on", "in", "about",
                                                           "before", "until"]

    func judge(_ statement: String, voice: NoteVoice, previous: Verdict.Context?, heading: String? = nil, lowercaseText: Bool) -> Verdict {
        let tokens = Self.withoutFillers(NoteText.tokens(of: statement))
        // "+1": agreement, not a figure.
        if tokens.contains(where: \.isNumber), tokens.allSatisfy({ $0.kind == .mark || ($0.isNumber && $0.text == "1") }),
           tokens.first?.isMark("+") == true {
            return Verdict()
        }
        let words = tokens.filter { $0.kind != .mark }.map(\.folded)
        var mentions = phrases.mentions(in: tokens, lowercaseText: lowercaseText)
        let scanned = NoteFigure.scan(tokens)
        let figures = scanned.filter { figure in
            guard !mentions.contains(where: { $0.first <= figure.last && figure.first <= $0.last }) else { return false }
            // "$900,000 over three years": the period of the money before it, no figure of its own.
            // (Years only: "$400k over 9 months" is the implementation's length.)
            // ("$1.3M total cost of ownership over three years": the money's words between.)
            if case .time("year") = figure.unit, figure.first >= 2, ["over", "across"].contains(tokens[figure.first - 1].folded),
               scanned.contains(where: { money in
                   if case .money = money.unit {
                       return money.last < figure.first - 1 && (money.last == figure.first - 2
                           || (figure.first - 1 - money.last <= 6 && tokens[(money.last + 1)..<(figure.first - 1)].allSatisfy(\.isWord)))
                   }
                   return false
               }) {
                return false
            }
            return true
        }
        let hasFigure = figures.contains { if case .count = $0.unit { return false }; return true }
        // "I'll go fully hosted now that Solveig has her HITRUST date": what follows "now that" is
        // the reason, not a view.
        if let reason = words.indices.dropLast().first(where: { words[$0] == "now" && words[$0 + 1] == "that" }),
           let at = tokens.indices.filter({ tokens[$0].kind != .mark }).dropFirst(reason).first {
            // ("And now that the cap's in the contract, I'm fine with a three-year term": a reason that
            // opens the statement ends at its comma, and the view follows it.)
            // (At the comma a subject follows: not inside a list, "Now that the board approved phased,
            // cloud hosting and the 3-year term, Lee wants to sign".)
            let opens = words[..<reason].allSatisfy { ["and", "but", "so", "well", "ok", "okay"].contains($0) }
            let end = opens ? tokens[at...].indices.first(where: { comma in
                tokens[comma].isMark(",") && comma + 1 < tokens.count && tokens[comma + 1].isWord
                    && (Self.firstPerson.contains(tokens[comma + 1].folded) || Self.thirdPerson.contains(tokens[comma + 1].folded)
                        || tokens[comma + 1].startsUppercase
                        // ("now that the exit clause is in, a three-year term is fine with me".)
                        || ["a", "an"].contains(tokens[comma + 1].folded))
            }) ?? tokens.count : tokens.count
            mentions.removeAll { $0.first > at && $0.first < end }
        }
        var verdict = Verdict()
        verdict.words = words
        let names = people.mentions(in: tokens, lowercaseText: lowercaseText)
        if isTask(tokens, names: names) || (voice.isStakeholder && Self.takesOnSending(tokens)) { return verdict }
        // "UKG's three-year cost for the same scope was $1.4M": a topic that belongs to something no
        // one in the group is (a product, another vendor) holds nobody's view.
        // (Not a department or role its own people speak for: "IT's go-live estimate", "Finance's number".)
        mentions.removeAll { mention in
            guard mention.first >= 2, tokens[mention.first - 1].folded == "'s" else { return false }
            let owner = tokens[mention.first - 2]
            return owner.startsUppercase && owner.isWord && !names.contains { $0.last == mention.first - 2 }
                && !Self.notNames.contains(owner.folded) && !Self.firstPerson.contains(owner.folded)
                && !Self.departments.contains(owner.folded) && !taxonomy.roles.contains(owner.folded)
        }
        // "A big bang would eat my whole staffing office", "All units at once would bury the float
        // pool": a position as the subject of what it would do, not held (unless it would work, suit…).
        if let mention = mentions.first, mentions.count == 1, taxonomy.topic(mention.topic)?.isNumber == false,
           tokens[..<mention.first].filter(\.isWord).allSatisfy({ ["a", "an", "the"].contains($0.folded) }),
           mention.last + 2 < tokens.count, tokens[mention.last + 1].folded == "would",
           Self.wouldHarm.contains(tokens[mention.last + 2].folded) {
            verdict.skipped = .negation
            return verdict
        }
        // "Running it in our own data center means two more servers", "a pilot on one unit means two
        // sets of rules", "an on-prem install puts us well past it": a position as the subject of what
        // it costs, with no view of anyone's before it.
        // (Not when anyone's view is in the statement — "A pilot means two sets of rules and I'm fine
        // with that", "Phased means we keep 5 North running and Lee likes that" — nor when what it
        // means is no cost: "Annual puts us in a better spot".)
        let statementHasView = words.contains { Self.opinionWords.contains($0) } || !people.mentions(in: tokens, lowercaseText: lowercaseText).isEmpty
        let costed = statementHasView ? [] : mentions.filter { mention in
            guard taxonomy.topic(mention.topic)?.isNumber == false else { return false }
            let clause = Self.clause(around: mention.first, in: tokens)
            let before = tokens[clause.lowerBound..<mention.first].filter(\.isWord).map(\.folded)
            guard !before.contains(where: { Self.viewWords.contains($0) || ["i", "we", "i'd", "we'd", "i'm", "we're", "id", "im"].contains($0) })
            else { return false }
            let after = tokens[(mention.last + 1)..<min(clause.upperBound, mention.last + 8)].filter(\.isWord).map(\.folded)
            guard let verb = after.firstIndex(where: { ["means", "meant", "puts"].contains($0) }),
                  after[verb] != "puts" || (verb + 1 < after.count && after[verb + 1] == "us") else { return false }
            let cost = tokens[(mention.last + 1)..<clause.upperBound].filter(\.isWord).map(\.folded).drop { $0 != after[verb] }.dropFirst()
            guard cost.contains(where: { Self.costWords.contains($0) || $0.first?.isNumber == true }) else { return false }
            return !after[..<verb].contains { Self.viewWords.contains($0) }
        }
        if !costed.isEmpty {
            mentions.removeAll { mention in costed.contains { $0.first == mention.first } }
            if mentions.isEmpty {
                verdict.skipped = .negation
                return verdict
            }
        }
        // "Three-year term is their standard": the vendor's offer in a buyer's notes, with no one's view
        // beside it (not "Annual is available, but I want multi-year").
        // (The offer is the position the statement opens with: not "Annual preferred, though multi-year is
        // available", "Pilot first -- 5 North is available in March".)
        if voice.isStakeholder, let opening = mentions.first, tokens[..<opening.first].allSatisfy({ !$0.isWord }),
           Self.describesOffer(tokens[(opening.last + 1)...].filter(\.isWord).prefix(3).map(\.folded)),
           !words.contains(where: { Self.firstPerson.contains($0) || Self.opinionWords.contains($0) }),
           people.mentions(in: tokens, lowercaseText: lowercaseText).isEmpty {
            verdict.skipped = .vendor
            return verdict
        }
        // "Their hosting is SaaS by default, with a hybrid option": in a buyer's notes, "their" default
        // is the vendor's (not "Their hosting is SaaS by default and I'm fine with that").
        if voice.isStakeholder, words.first == "their", !mentions.isEmpty,
           Self.contains(words, ["by", "default"]) || Self.contains(words, ["as", "standard"]),
           !words.contains(where: { Self.firstPerson.contains($0) || Self.opinionWords.contains($0) }),
           people.mentions(in: tokens, lowercaseText: lowercaseText).isEmpty {
            verdict.skipped = .vendor
            return verdict
        }
        // "DECISION 1 -- buy a platform", "AGREED: pilot first": the group's record, nobody's view.
        if let first = tokens.first(where: \.isWord), ["decision", "decisions", "agreed", "resolved"].contains(first.folded),
           first.isAllCaps || tokens.dropFirst().first.map({ $0.isMark(":") || $0.isNumber }) == true, !mentions.isEmpty {
            verdict.skipped = .unknownPerson
            return verdict
        }

        let subject = holder(tokens: tokens, words: words, voice: voice, previous: previous, lowercaseText: lowercaseText, mentions: mentions)
        if case let .stakeholder(id) = subject.voice, subject.named {
            verdict.context.holder = id
        } else if subject.voice == .outsider {
            // "marek L-O's team looked at building their own. he's done with that": "he" is the one whose
            // people they are.
            // (Only their people as a body: not "Lee's CISO wants HITRUST. He also wants…", the CISO.)
            let named = people.mentions(in: tokens, lowercaseText: lowercaseText)
            if named.count == 1, named[0].possessive, case let .person(id) = named[0].match,
               tokens[(named[0].last + 1)...].filter({ $0.isWord && $0.folded != "'s" }).prefix(2)
                   .contains(where: { ["team", "people", "staff", "folks", "nurses", "office", "department", "group", "guys"].contains($0.folded) }) {
                verdict.context.holder = id
            }
        }

        // "Dana budgeted $120k" right after a statement about the three-year cost.
        if mentions.isEmpty, subject.named, let carried = previous?.numberTopic, hasFigure {
            mentions = [TopicPhrases.Mention(topic: carried, position: nil, first: 0, last: -1)]
        } else if mentions.isEmpty, voice.isStakeholder, let carried = previous?.numberTopic, previous?.awaitsFigure == true, figures.count == 1,
                  tokens.indices.allSatisfy({ tokens[$0].kind == .mark || (figures[0].first...figures[0].last).contains($0) }) {
            // "I'm a touch lower on overtime. Ten.": a figure alone, after the speaker's own words on the topic.
            mentions = [TopicPhrases.Mention(topic: carried, position: nil, first: 0, last: -1)]
        } else if mentions.isEmpty, voice.isStakeholder, let carried = previous?.numberTopic, previous?.awaitsFigure == true,
                  case let .number(unit, _)? = taxonomy.topic(carried)?.kind, figures.filter({ !$0.isBare }).count == 1,
                  let figure = figures.first(where: { !$0.isBare }), case .some(.some) = Self.convert(figure, to: unit),
                  people.mentions(in: tokens, lowercaseText: lowercaseText).isEmpty,
                  Self.givesFigureAsView(tokens, figure: figure) {
            // "On my floors the overtime drop will be bigger. Fifteen percent, at least on med-surg.", "Payback
            // -- I'd like it faster, but eighteen months is fine.": a figure in the topic's own kind of unit,
            // after the speaker's words on the topic that gave none or left the one they had, said as a view.
            // (Not a bare "Ten of us met on it", nor "Twelve is Ludovica's number": someone else's; nor
            // background, "Agency spend went up 40% last year", "Our last vendor took 14 months".)
            mentions = [TopicPhrases.Mention(topic: carried, position: nil, first: 0, last: -1)]
        } else if mentions.isEmpty, voice.isStakeholder, let carried = previous?.replyTopic, figures.count == 1,
                  Self.repliesWithFigure(tokens, figure: figures[0]),
                  previous?.replyBare == true || !figures[0].isBare,
                  // ("Twelve is Ludovica's old number": someone else's.)
                  people.mentions(in: tokens, lowercaseText: lowercaseText).isEmpty {
            // "Payback?" / "Eighteen months on payback." / "Eighteen for me too.": a turn that opens
            // with a figure answers on the topic the turn before ended on.
            mentions = [TopicPhrases.Mention(topic: carried, position: nil, first: 0, last: -1)]
            verdict.replied = true
        } else if mentions.allSatisfy({ Self.isInOpeningHavingClause($0, in: tokens) && taxonomy.topic($0.topic)?.isNumber == false }),
                  let heading, hasFigure,
                  subject.named || words.contains(where: { Self.firstPerson.contains($0) }) {
            // "Overtime: your deck's 18% is heroic. … I'm at 8 per cent": the paragraph's heading.
            // ("Go-live. Having seen the pilot plan, I'm at thirty-four weeks": a topic only gone by.)
            mentions = [TopicPhrases.Mention(topic: heading, position: nil, first: 0, last: -1)]
        }
        // "Aldous did most of the talking. He said…": whom a statement with no topic is about, named as
        // its subject, for a "he" or "she" after it.
        if mentions.isEmpty, verdict.context.holder == nil, let first = tokens.firstIndex(where: \.isWord) {
            let named = people.mentions(in: tokens, lowercaseText: lowercaseText)
            // (Not "Dana looped in her CFO. He wants…": someone else brought in.)
            if named.count == 1, named[0].first == first, !named[0].possessive, case let .person(id) = named[0].match,
               named[0].last + 1 < tokens.count, tokens[named[0].last + 1].isWord, !Self.bringsInSomeoneElse(words),
               !words.contains(where: { Self.outsiderWords.contains($0) || Self.outsideTitles.contains($0)
                   || ["looped", "brought", "introduced", "copied", "cc'd", "deputy", "boss", "colleague"].contains($0) }) {
                verdict.context.holder = id
            }
        }
        guard !mentions.isEmpty else {
            if hasFigure, subject.named || Self.contains(words, ["%"]) || figures.contains(where: { if case .money = $0.unit { return true }; return false }) {
                verdict.skipped = .noTopic
            }
            return verdict
        }
        let numberTopics = mentions.compactMap { taxonomy.topic($0.topic) }.filter(\.isNumber)
        if numberTopics.count == 1 { verdict.context.numberTopic = numberTopics[0].id }

        let ending = statement.last { !" )\"'”’".contains($0) && !$0.isWhitespace }
        // ("Dov asked about Epic: Magnus O. is fine with an HL7 interface": the answer after the colon.)
        // (Only with a stakeholder named after the colon: not "Dana asked about timing: told her 30 weeks",
        // the seller's answer, nor "Lee asked about: SOC 2 report, HL7 feed".)
        let answered = tokens.firstIndex { $0.isMark(":") }.map { colon in
            mentions.allSatisfy { $0.first > colon } && people.mentions(in: tokens, lowercaseText: lowercaseText).contains { $0.first > colon }
                && !Self.questionCues.contains { Self.contains(tokens[(colon + 1)...].filter { $0.kind != .mark }.map(\.folded), $0) }
        } ?? false
        // ("can the pilot start on nights only for the first two weeks": an auto-caption's question, unmarked.)
        // (Only where nothing is punctuated: "Can I just -- sorry -- on the three-year cost I'm at $640k." is no question.)
        let unmarkedQuestion = ending != "." && ending != "!" && words.count > 2 && ["can", "could", "is", "are", "does", "should", "will", "would", "shall"].contains(words[0])
            && ["the", "we", "you", "it", "they", "he", "she", "i", "this", "that", "there", "our", "your"].contains(words[1])
        if ending == "?" || unmarkedQuestion || (!answered && (Self.questionCues.contains(where: { Self.contains(words, $0) }) || Self.asksWhat(words))) {
            verdict.skipped = .question
            return verdict
        }
        // "He has moved off on-prem": the position right after "moved off" is left (not "isn't moving
        // off annual" nor "refuses to be moved off on-prem", which hold it, nor "moving off Kronos and
        // go-live has to be…", where the topic is elsewhere).
        let movedOff = mentions.filter { mention in
            var before = tokens[..<mention.first].filter(\.isWord).map(\.folded)
            // ("moved off a fully on-premises install": an article and a word of degree may come between.)
            if let last = before.last, Self.degreeWords.contains(last) { before.removeLast() }
            if let last = before.last, ["a", "an", "the"].contains(last) { before.removeLast() }
            // ("Gregor has gone cold on extending the Epic module": the same, and only the position named.)
            // (A gerund may come between: "gone cold on extending the Epic module".)
            if let on = before.indices.reversed().prefix(2).first(where: { $0 >= 2 && before[$0] == "on" && before[$0 - 1] == "cold" }),
               ["gone", "went", "going", "goes", "go"].contains(before[on - 2]),
               before[(on + 1)...].allSatisfy({ $0.hasSuffix("ing") }) {
                return !before[..<(on - 2)].suffix(3).contains { Self.isNegation($0) }
            }
            // ("Then I'd move off annual": the same, said of what the speaker would do.)
            // (Bare "move" only as what the speaker would do: "I'd move off annual", not "no way Lee will move off on-prem".)
            guard before.count >= 2, before[before.count - 1] == "off",
                  ["moved", "moving"].contains(before[before.count - 2])
                    || before[before.count - 2] == "move" && before.count >= 3 && ["i'd", "we'd", "i'll", "we'll", "id"].contains(before[before.count - 3])
            else { return false }
            return !before.dropLast(2).suffix(3).contains { Self.isNegation($0) || ["refuse", "refuses", "refused", "resist", "resists"].contains($0) }
        }
        if !movedOff.isEmpty {
            mentions.removeAll { mention in movedOff.contains { $0.first == mention.first } }
            if mentions.isEmpty {
                verdict.skipped = .negation
                return verdict
            }
        }
        // "will only go multi-year with an exit after yr 1": a view held only with something (not "I'd
        // only go with hybrid", "the only vendor with HITRUST": no view between "only" and "with").
        if let only = tokens.indices.first(where: { tokens[$0].folded == "only" }),
           let with = tokens.indices.first(where: { $0 > only && $0 <= only + 5 && tokens[$0].folded == "with" }),
           mentions.contains(where: { $0.first > only && $0.last < with }) {
            // ("Priscilla wants a three-year term, and Delphine will only go multi-year with an exit":
            // the condition is the later clause's.)
            let ownStart = subjectBreak(before: only, in: tokens, lowercaseText: lowercaseText)
            mentions = mentions.filter { $0.first < ownStart }
            if mentions.isEmpty {
                verdict.skipped = .conditional
                return verdict
            }
        }
        // A condition holds for what follows it and for its own clause: "…is still $1.28M, and if it
        // creeps past 1.4 he says…" leaves the first figure standing.
        if let cue = Self.conditionStart(tokens) {
            let conditionClause = Self.clause(around: cue, in: tokens)
            // "Hybrid I could live with, as long as the database never leaves Dunmore": a view
            // qualified by what follows it is held only on that condition.
            // A trailing condition with no view of its own ("multi-year, if the escalator's capped";
            // "a three-year term, assuming the exit clause is real") qualifies the view before it.
            // (A figure alone is no view of its own there: "multi-year, if you hold a 3% cap".)
            let conditionHasView = mentions.contains { $0.first > cue }
            // ("she could accept that if we write back every 15 minutes": a condition on what "that" stands for.)
            // (After a dash too: "Amelie now open to hybrid -- DB on site -- if Tobin's diagram holds up".)
            // (Not a set phrase — "if anything", "if not", "if so", "if you ask me" — nor, after a dash, a
            // condition with a main clause of its own: "Dana wants annual—if they won't budge, she'll walk".)
            let afterCue = tokens[(cue + 1)...].filter(\.isWord).prefix(2).map(\.folded)
            let setPhrase = ["anything", "not", "so"].contains(afterCue.first ?? "") || afterCue == ["you", "ask"]
            let ownMainClause = tokens[(cue + 1)...].indices.contains { comma in
                tokens[comma].isMark(",") && comma + 1 < tokens.count
                    && (Self.firstPerson.contains(tokens[comma + 1].folded) || Self.thirdPerson.contains(tokens[comma + 1].folded))
            }
            let afterDash = cue > 0 && (tokens[cue - 1].isMark("-") || tokens[cue - 1].isMark("—") || tokens[cue - 1].isMark("–"))
            let trailing = cue > 0 && !setPhrase && (tokens[cue - 1].isMark(",") || (afterDash && !ownMainClause)
                                                     || ["that", "it", "this"].contains(tokens[cue - 1].folded))
                && ["if", "assuming", "unless"].contains(tokens[cue].folded)
            // ("He'd go multi-year, but only with a cap on the annual uplift": "but only" qualifies what it follows.)
            // ("hybrid works for me, but only if the failover test passes", "…only if": the same.)
            // (Only after "but" or a comma: "…, and a three-year term only if there's a cap" holds the
            // condition to its own clause.)
            let butOnly = tokens[cue].folded == "only" && cue > 0 && (tokens[cue - 1].folded == "but" || tokens[cue - 1].isMark(","))
                || tokens[cue].folded == "if" && cue > 1 && tokens[cue - 1].folded == "only"
                    && (tokens[cue - 2].folded == "but" || tokens[cue - 2].isMark(",") || tokens[cue - 2].isMark(":"))
            let qualifies = ["as", "so", "provided", "providing", "pending", "subject"].contains(tokens[cue].folded) || (trailing && !conditionHasView)
                || butOnly
            // "Honora wants it in waves, and honestly I don't mind which as long as…": the condition
            // is the later speaker's, not Honora's.
            let ownStart = qualifies ? subjectBreak(before: cue, in: tokens, lowercaseText: lowercaseText) : conditionClause.lowerBound
            mentions = mentions.filter { $0.first < ownStart }
            if mentions.isEmpty {
                verdict.skipped = .conditional
                return verdict
            }
        }

        // Each topic's value, before asking whose it is (a negation outranks a missing holder).
        var values: [(topic: String, value: Claim.Value)] = []
        var setAside: [(topic: String, value: Claim.Value)] = []
        var firstProblem: SkipReason?
        func note(_ reason: SkipReason) {
            if firstProblem == nil || SkipReason.allCases.firstIndex(of: reason)! < SkipReason.allCases.firstIndex(of: firstProblem!)! {
                firstProblem = reason
            }
        }
        var usedFigures = Set<Int>()
        for topicID in Self.unique(mentions.map(\.topic)) {
            guard let topic = taxonomy.topic(topicID) else { continue }
            let own = mentions.filter { $0.topic == topicID }
            if topic.isNumber {
                switch figure(for: topic, mentions: own, figures: figures, used: usedFigures, tokens: tokens) {
                case let .value(value, index):
                    // "Your deck assumes 18%": the vendor's figure, quoted back, is nobody's view here.
                    let figureClause = Self.clause(around: figures[index].first, in: tokens)
                    // Cut at "but" too: "your deck says 18% but I'd put it at 12%" holds the 12.
                    let turns = figureClause.filter { ["but", "though", "whereas", "while"].contains(tokens[$0].folded) }
                    let figureSpan = (turns.last { $0 < figures[index].first }.map { $0 + 1 } ?? figureClause.lowerBound)
                        ..< (turns.first { $0 > figures[index].last } ?? figureClause.upperBound)
                    if isVendorMaterial(figureSpan, in: tokens, lowercaseText: lowercaseText, buyerVoice: voice.isStakeholder) {
                        note(.vendor)
                        continue
                    }
                    // "I wouldn't use your 15-20%": in a buyer's words, the listener's figure, unless
                    // the speaker takes it ("your 18 months is fine by me").
                    if voice.isStakeholder, figures[index].first > 0, tokens[figures[index].first - 1].folded == "your",
                       !figureSpan.contains(where: { ["fine", "agree", "agreed", "ok", "okay", "happy", "accept", "live"].contains(tokens[$0].folded) }) {
                        note(.vendor)
                        continue
                    }
                    // "He called our 11 months 'a brochure number'": in the seller's notes, the seller's figure
                    // (unless the buyer takes it: "Dana agrees with our 11-month payback").
                    if voice == .vendor, figures[index].first > 0, tokens[figures[index].first - 1].folded == "our",
                       !figureSpan.contains(where: { Self.accepting.contains(tokens[$0].folded) }) {
                        note(.vendor)
                        continue
                    }
                    // "overtime there is up 6% since January": a change measured since a day, not a view
                    // of what it will be.
                    // (A change word before it: not "under $1.2M since that's what the board approved".)
                    if figures[index].last + 1 < tokens.count, tokens[figures[index].last + 1].folded == "since",
                       tokens[..<figures[index].first].filter(\.isWord).suffix(3).contains(where: { Self.changeWords.contains($0.folded) }) {
                        note(.noTopic)
                        continue
                    }
                    // "For context, the three-year total on the agency contract we're replacing is $2.3M": background.
                    let opening = Array(words.prefix(3))
                    if words.first == "fyi" || [["for", "context"], ["for", "reference"], ["as", "background"]].contains(where: { Self.contains(opening, $0) }) {
                        note(.noTopic)
                        continue
                    }
                    // "nights on 4 North are running at about 14% overtime right now": where a measure stands,
                    // not a view of what it will be.
                    // (Right before it, "is running at about": not "up and running inside 20 weeks".)
                    let lead = tokens[max(0, figures[index].first - 3)..<figures[index].first].filter(\.isWord).map(\.folded)
                    if let running = lead.firstIndex(of: "running"), lead[(running + 1)...].allSatisfy({ ["at", "about", "around", "roughly"].contains($0) }),
                       running == lead.startIndex || lead[running - 1] != "and" {
                        note(.noTopic)
                        continue
                    }
                    // "Go-live in 90 days, which the vendor floated, won't happen": denied past an aside.
                    if Self.isDeniedAfterAside(figures[index], in: tokens) || Self.isDoubted(figures[index], in: tokens) {
                        note(.negation)
                        continue
                    }
                    let clauses = own.map { Self.clause(around: $0.first, in: tokens) } + [Self.clause(around: figures[index].first, in: tokens)]
                    if clauses.contains(where: { Self.dropsView(Self.words(of: $0, in: tokens)) })
                        || Self.saidThen(Self.words(of: Self.clause(around: figures[index].first, in: tokens), in: tokens), statement: words) {
                        note(.negation)
                        continue
                    }
                    usedFigures.insert(index)
                    values.append((topicID, .number(value)))
                    if case let .number(unit, _) = topic.kind {
                        verdict.context.figureInTopicUnit = figures[index].isIn(unit)
                        // "No, I said OT down 15, not 20": the figure set aside is no longer the holder's.
                        for other in figures where other.negated {
                            if case let .some(.some(aside)) = Self.convert(other, to: unit), aside != value {
                                setAside.append((topicID, .number((aside * 10_000).rounded() / 10_000)))
                            }
                        }
                    }
                case let .problem(reason): note(reason)
                }
            } else {
                // "Augusto has our HITRUST r2 letter", in the seller's words: the seller's own paper,
                // handed over, is no view of the one who has it.
                // ("…, and SOC 2 Type II as well": the rest of the topic's words go with it.)
                if voice == .vendor, own.contains(where: { Self.isSellersOwn($0, in: tokens) }) {
                    note(.vendor)
                    continue
                }
                // "Your model's payback of 14 months assumes a clean pilot on Ward 9": the vendor's
                // material holds the position too.
                if own.allSatisfy({ isVendorMaterial(Self.clause(around: $0.first, in: tokens), in: tokens, lowercaseText: lowercaseText,
                                                     buyerVoice: voice.isStakeholder) }) {
                    note(.vendor)
                    continue
                }
                let views = own.filter { !Self.isContext($0, in: tokens) }
                let negated = views.filter { isNegated($0, among: own, in: tokens) }
                // "he's dropped on-prem and moved to hybrid, database in our own data center": a
                // position the statement gives up is not held by another of its words.
                let denied = Set(negated.compactMap(\.position))
                let held = views.filter { mention in
                    let clause = Self.words(of: Self.clause(around: mention.first, in: tokens), in: tokens)
                    return !negated.contains(mention) && !(mention.position.map(denied.contains) ?? false)
                        && !Self.refusalCues.contains { Self.contains(tokens[(mention.last + 1)...].filter { $0.kind != .mark }.map(\.folded), $0) }
                        && !Self.dropsView(clause) && !Self.saidThen(clause, statement: words)
                }
                var positions = Self.unique(held.compactMap(\.position))
                // "pilot on 5 North first, then the other hospitals in waves": a plan in steps holds
                // each step, when the taxonomy says the steps go together.
                if positions.count == 2, topic.areCompatible(positions[0], positions[1]),
                   let first = held.first(where: { $0.position == positions[0] }), let second = held.first(where: { $0.position == positions[1] }),
                   first.last < second.first,
                   tokens[(first.last + 1)..<second.first].contains(where: { ["then", "before", ">", "→", "first", "rest"].contains($0.folded) }) {
                    values += positions.map { (topicID, Claim.Value.position($0)) }
                    continue
                }
                // Two positions in different parts of the sentence: the one the view is stated in
                // comes first ("Epic-native is a must, they've been burned by interface-engine projects").
                if positions.count > 1, let first = held.first {
                    let range = Self.clause(around: first.first, in: tokens)
                    let inFirst = Self.unique(held.filter { range.contains($0.first) }.compactMap(\.position))
                    if inFirst.count == 1 { positions = inFirst }
                }
                if positions.count == 1 {
                    values.append((topicID, .position(positions[0])))
                } else if positions.isEmpty {
                    note(views.isEmpty ? .noFigure : .negation)
                } else {
                    note(.noFigure)
                }
            }
        }
        guard !values.isEmpty else {
            verdict.skipped = firstProblem
            return verdict
        }
        guard case let .stakeholder(id) = subject.voice else {
            switch subject.voice {
            case .vendor: verdict.skipped = .vendor
            case .ambiguous: verdict.skipped = .ambiguousName
            default: verdict.skipped = .unknownPerson
            }
            return verdict
        }
        let quote = Self.quote(statement)
        var holders = [id]
        // "Mr Fenstermacher and Ms Arceneaux both want to buy a platform", "Maud and Nell are both keen
        // for 4 North to be the pilot": one view, two holders.
        func both(after index: Int) -> Bool {
            guard index < tokens.count else { return false }
            if tokens[index].folded == "both" { return true }
            return ["are", "were"].contains(tokens[index].folded) && index + 1 < tokens.count && tokens[index + 1].folded == "both"
        }
        for (a, b) in zip(names, names.dropFirst()) where both(after: b.last + 1)
            && a.last < b.first && tokens[(a.last + 1)..<b.first].allSatisfy({ ["and", "&", "mr", "ms", "mrs", "dr", "."].contains($0.folded) }) {
            if case let .person(first) = a.match, case let .person(second) = b.match, [first, second].contains(id) {
                holders = [first, second]
            }
        }
        // "I'm at 18 months, and so is Araceli": the same view, one more holder.
        if let also = names.last, case let .person(other) = also.match, !holders.contains(other), also.last + 1 == tokens.count
            || tokens[(also.last + 1)...].allSatisfy({ $0.kind == .mark }), also.first >= 3,
           ["and", ","].contains(tokens[also.first - 3].folded) || tokens[also.first - 3].isMark(","),
           tokens[also.first - 2].folded == "so", ["is", "does", "has", "was", "did", "am"].contains(tokens[also.first - 1].folded) {
            holders.append(other)
        }
        verdict.claims = holders.flatMap { holder in values.map { NoteClaim(stakeholder: holder, topic: $0.topic, value: $0.value, quote: quote) } }
        verdict.setAside = setAside.map { NoteClaim(stakeholder: id, topic: $0.topic, value: $0.value, quote: quote) }
        return verdict
    }

    /// Where the clause with a subject of its own that holds `index` starts (", and honestly I…",
    /// ", but Dana…"); 0 when the statement has one subject throughout.
    func subjectBreak(before index: Int, in tokens: [NoteToken], lowercaseText: Bool) -> Int {
        let names = people.mentions(in: tokens, lowercaseText: lowercaseText)
        var look = index - 1
        while look > 0 {
            if ["and", "but"].contains(tokens[look].folded), tokens[look - 1].isMark(",") {
                let next = ((look + 1)..<min(tokens.count, look + 4))
                if next.contains(where: { Self.firstPerson.contains(tokens[$0].folded) || Self.thirdPerson.contains(tokens[$0].folded) })
                    || names.contains(where: { next.contains($0.first) }) {
                    return look
                }
            }
            look -= 1
        }
        return 0
    }

    /// "Your deck assumes 18%", "your ROI calculator shows 20%", "Peregrine's deck says 9 months":
    /// the figure is in the vendor's material (or in that of someone outside the group).
    /// (With `buyerVoice`, a buyer writing, "their deck" is the vendor's too.)
    func isVendorMaterial(_ span: Range<Int>, in tokens: [NoteToken], lowercaseText: Bool, buyerVoice: Bool = false) -> Bool {
        let names = people.mentions(in: tokens, lowercaseText: lowercaseText)
        for index in span where Self.vendorMaterial.contains(tokens[index].folded) {
            let before = tokens[span.lowerBound..<index].filter { $0.kind != .mark }.suffix(2)
            if before.contains(where: { $0.folded == "your" || (buyerVoice && $0.folded == "their") }) { return true }
            // Someone's material: theirs when they are in the group, an outsider's otherwise.
            if index >= 2, tokens[index - 1].folded == "'s", tokens[index - 2].startsUppercase,
               !names.contains(where: { $0.last == index - 2 }), !Self.firstPerson.contains(tokens[index - 2].folded) {
                return true
            }
        }
        // "Clemency's deck: 11-month payback, OT down 18%": the material heads the statement.
        if let colon = tokens.firstIndex(where: { $0.isMark(":") }), colon < span.lowerBound, colon > 0 {
            return isVendorMaterial(0..<colon, in: tokens, lowercaseText: lowercaseText, buyerVoice: buyerVoice)
        }
        return false
    }

    // MARK: - Who holds it

    private static let prepositions: Set<String> = ["per", "to", "with", "w", "for", "from", "by", "about", "cc", "walk", "send", "told", "tell",
                                                    "ask", "asked", "than", "and", "+", "&", "like", "give", "get", "show", "ping", "email",
                                                    "call", "loop", "thank", "thanks", "hi", "hello", "dear", "re"]
    private static let viewWords: Set<String> = [
        "think", "thinks", "thought", "say", "says", "said", "expect", "expects", "expected", "expecting", "estimate", "estimates", "estimated",
        "sided", "sides", "siding",
        "put", "puts", "putting", "budget", "budgets", "budgeted", "insist", "insists", "insisted", "insisting", "want", "wants", "wanted",
        "need", "needs", "needed", "require", "requires", "required", "prefer", "prefers", "preferred", "push", "pushes", "pushing", "pushed",
        "confirm", "confirms", "confirmed", "tell", "tells", "told", "model", "models", "modeled", "modelled", "plan", "plans", "planning",
        "planned", "figure", "figures", "figured", "reckon", "reckons", "believe", "believes", "feel", "feels", "see", "sees", "like", "likes",
        "accept", "accepts", "ok", "okay", "fine", "comfortable", "happy", "agree", "agrees", "agreed", "favor", "favors", "favour", "favours",
        "lean", "leans", "leaning", "has", "had", "is", "was", "'s",
        // "Maud and Nell are both keen…": "both" after two names stands for their verb ("are" alone
        // would make "Our nurses are exhausted, so I want…" the nurses').
        "both", "quoted", "mentioned", "asked", "suggested", "suggests", "proposed",
        "argues", "argued", "claims", "stated", "wrote", "writes", "noted", "targets", "targeting", "guesses", "guess", "insisting",
        "sign", "signs", "signed", "backs", "supports", "wants", "would", "'d", "can", "will", "budge", "budging",
        "ballparked", "ballparks", "floated", "floats", "pegged", "pegs",
        // Minutes' verbs: "Ms Thorsby restated the TCO ceiling at $1.2M", "gave go-live as 28 weeks".
        "restated", "restates", "reiterated", "reiterates", "repeated", "gave", "settled", "pressing", "content",
        // "Hollis Vantongeren holds the three-year cost at $1.3M", "Hollis V. caps the TCO at $1.3M".
        "holds", "holding", "caps", "capped",
        "won't", "wont", "doesn't", "doesnt", "don't", "dont", "isn't", "isnt", "hasn't", "hasnt", "haven't", "havent",
        // "Lachlan still on 15 mo payback": the view kept, said without a verb.
        "still", "saying", "telling", "arguing",
    ]
    /// Pronouns that open what someone reports: "Agnes says he'll want…".
    private static let reportedPronouns: Set<String> = ["he", "she", "he'll", "she'll", "he'd", "she'd", "he's", "she's"]
    private static let speechWords: Set<String> = ["said", "says", "thinks", "thought", "estimated", "estimates", "told", "tells", "mentioned",
                                                   "quoted", "expects", "insists", "wants", "prefers", "believes", "feels", "reckons",
                                                   "claimed", "stated", "promised",
                                                   "suggested", "suggests", "argued", "claims", "figures", "confirmed", "puts", "put"]
    private static let outsiderWords: Set<String> = ["consultant", "consultants", "counsel", "team", "people", "folks", "nurses", "staff", "office",
                                                     // "The Stainforth man told Winifred…", "A chief nurse I know at Kirkby Vale said…".
                                                     "man", "woman", "guy", "chap", "nurse",
                                                     "analyst", "analysts", "committee", "department", "someone", "somebody", "everyone",
                                                     "vendor", "vendors", "partner", "auditor", "auditors", "board", "advisor", "advisors",
                                                     "adviser", "advisers", "insurer", "insurers", "regulator", "regulators",
                                                     "underwriter", "underwriters",
                                                     // "Wetherden Partners are telling the board…": a firm by its name.
                                                     "partners", "associates", "advisory",
                                                     // "our Epic TS rep keeps telling me…", "the Vizient benchmark puts…",
                                                     // "the med school dean wants…": sources outside the group.
                                                     "rep", "reps", "benchmark", "benchmarks", "survey", "study", "dean",
                                                     // "Lettie's cousin works at St. Odile's, says…": someone's relation is not them.
                                                     "cousin", "cousins", "brother", "sister", "husband", "wife", "friend", "friends",
                                                     // "our CMIO wants…": a title, which names no one NextSend knows.
                                                     "ceo", "cfo", "cio", "cmio", "cno", "cnio", "coo", "ciso", "cto", "cmo",
                                                     // "The union steward on 4 North thinks…", "Our chair will want…".
                                                     "steward", "stewards", "union", "chair", "chairman", "chairwoman",
                                                     // "St. Brannock's nurse director told me…": someone else's.
                                                     "director", "directors",
                                                     // "the 3 East nurse manager wants…", "mgmt wants…": a post, not a person.
                                                     // (Not "management" nor "leadership": "workforce management has to…".)
                                                     "manager", "managers", "supervisor", "supervisors", "mgmt",
                                                     // "a KLAS report that puts go-live at seven months" (not "my report", "Dana's report").
                                                     "report", "reports",
                                                     // "My counterpart at Hollins Bay told me…", "a peer at St. Ives says…".
                                                     "counterpart", "counterparts", "peer", "peers",
                                                     // "KLAS has Rosterline at 22% less overtime": analysts and advisers by name.
                                                     "klas", "gartner", "forrester", "chartis", "vizient", "deloitte", "accenture",
                                                     "mckinsey", "kpmg", "pwc"]
    /// Outsiders' words that name one person by post: "a CNO he knows at Ashgrove saw OT fall 25%".
    /// Words that end a person's title: "procurement lead", "head of nursing", "finance director".
    private static let titleHeads: Set<String> = ["lead", "head", "chief", "officer", "director", "manager", "chair", "president", "vp", "cfo",
                                                  "ceo", "cio", "cno", "coo", "ciso", "cmio", "counterpart", "team", "people"]
    /// What a body outside the group is doing when it is the subject: "are telling the board", "is pushing".
    private static let tellingWords: Set<String> = ["telling", "saying", "pushing", "arguing", "recommending", "advising", "suggesting",
                                                    "insisting", "keen", "adamant", "clear", "set", "firm"]
    /// Outsiders a speaker may still call "ours": "our auditors", "our board", "my consultant".
    /// ("Our analysts", "our counsel" are usually the buyer's own staff.)
    private static let outsideBodies: Set<String> = ["auditor", "auditors", "consultant", "consultants", "adviser", "advisers", "advisor",
                                                     "advisors", "board", "insurer", "insurers", "regulator", "regulators", "underwriter",
                                                     "underwriters"]
    private static let outsideTitles: Set<String> = ["consultant", "analyst", "adviser", "advisor", "ceo", "cfo", "cio", "cmio", "cno", "cnio",
                                                     "coo", "ciso", "cto", "cmo", "peer", "counterpart", "director", "manager", "dean",
                                                     "auditor", "steward"]
    /// What an outsider writes, after the outsider's word ("analyst note", "consultant's report").
    private static let outsidersPaper: Set<String> = ["note", "notes", "report", "reports", "paper", "papers", "brief", "deck", "slides",
                                                      "numbers", "figures", "writeup"]
    /// Places a stakeholder was, or knows, that are not the group: "Coralie's old hospital".
    private static let otherPlaces: Set<String> = ["hospital", "hospitals", "employer", "clinic", "company", "org", "organization", "system"]
    /// Nouns that name one person of an outside body: "the board chair told me…".
    private static let outsiderHeads: Set<String> = ["chair", "chairman", "chairwoman", "chairperson", "member", "members", "president", "lead"]
    /// Words by which a speaker makes someone else's figure or position their own.
    private static let endorsing: Set<String> = ["back", "agree", "agreed", "support", "second", "side"]
    /// The same, as someone else does it: "sided with", "backed", "agrees with".
    private static let endorsingDone: Set<String> = ["sided", "sides", "siding", "backed", "backs", "backing", "agreed", "agrees",
                                                     "supported", "supports", "seconded", "seconds"]
    /// Words that may follow a group of people who are the subject ("consultant at Guidehouse thinks").
    private static let subjectLinks: Set<String> = ["at", "from", "on", "in", "of", "with", "for"]
    private static let firstPerson: Set<String> = ["i", "i'd", "i'm", "i've", "i'll", "me", "my", "mine", "we", "we'd", "we're", "we've",
                                                   "we'll", "our", "ours", "us", "im", "ive", "id"]
    private static let quoteMarks: Set<String> = ["\"", "“", "”"]
    /// What someone writes that a speaker reads: "Aurora's reference notes".
    private static let papers: Set<String> = ["notes", "note", "email", "e-mail", "memo", "write-up", "writeup", "summary", "report", "reference",
                                              "analysis", "paper", "deck"]
    private static let changesMindWords: Set<String> = ["persuaded", "convinced", "sold", "won"]
    /// Words of degree in "is firmly with Rosamund on the pilot".
    private static let sideDegrees: Set<String> = ["firmly", "squarely", "fully", "totally", "completely", "entirely", "very", "much", "also",
                                                   "still", "solidly", "strongly"]
    /// Words that take a figure someone else gave: "Dana agrees with our 11 months".
    private static let accepting: Set<String> = ["fine", "agree", "agrees", "agreed", "ok", "okay", "happy", "accept", "accepts", "accepted",
                                                 "live", "comfortable", "like", "likes", "signed", "bought", "backs", "backed", "supports",
                                                 "support", "endorses", "endorsed"]
    /// Nouns for what someone holds: "her figure", "his number", "her instinct".
    private static let viewNouns: Set<String> = ["instinct", "figure", "number", "view", "position", "estimate", "target", "preference",
                                                 "take", "guess", "opinion", "stance", "pick", "vote", "expectation", "assumption",
                                                 "model", "bet", "gut", "requirement", "line"]
    /// What a requirement is to someone: "a hard requirement for him", "matters to her".
    private static let mattersWords: Set<String> = ["requirement", "must", "must-have", "non-negotiable", "priority", "dealbreaker",
                                                    "deal-breaker", "matters", "important", "essential"]
    private static let thirdPerson: Set<String> = ["he", "she", "he's", "she's", "he'd", "she'd", "he'll", "she'll", "they", "they're", "they'd"]
    private static let notNames: Set<String> = ["i", "we", "our", "they", "he", "she", "it", "the", "this", "that", "everyone", "nobody",
                                                "payback", "timeline", "pricing", "budget", "cost", "next", "need", "also", "and", "but", "so"]

    struct Subject {
        var voice: NoteVoice
        /// Named in the statement (not just whose line it is).
        var named: Bool
    }

}

extension NotePeople.Mention {
    /// The person a name names, as the one who holds the statement's view.
    var subject: NoteReader.Subject {
        switch match {
        case let .person(id): NoteReader.Subject(voice: .stakeholder(id), named: true)
        case .ambiguous: NoteReader.Subject(voice: .ambiguous, named: true)
        }
    }
}

extension NoteReader {

    private func holder(tokens: [NoteToken], words: [String], voice: NoteVoice, previous: Verdict.Context?, lowercaseText: Bool,
                        mentions topicMentions: [TopicPhrases.Mention]) -> Subject {
        // "I'm with Cosima on fifteen months, not Oswin's twelve": a name set against the view is
        // not who holds it.
        let names = people.mentions(in: tokens, lowercaseText: lowercaseText).filter { name in
            !(name.possessive && name.first > 0 && ["not", "than"].contains(tokens[name.first - 1].folded))
        }
        let verbIndices = tokens.indices.filter { Self.viewWords.contains(tokens[$0].folded) || Self.setsALimit($0, in: tokens) }
        let topicStart = topicMentions.map(\.first).min() ?? tokens.count
        // "Wendell wasn't on, but Agnes says he'll want HITRUST": the pronoun after the reporter's
        // verb of speech is the one named as not there — why else name them — and the reporter
        // speaks for them. (Two labellers of independent notes read it so.)
        if let reporter = names.last(where: { $0.last + 2 < topicStart }), Self.speechWords.contains(tokens[reporter.last + 1].folded),
           Self.reportedPronouns.contains(tokens[reporter.last + 2].folded),
           // (Only someone set apart from the reporter: "X wasn't on, but…", "X not on; Y says…",
           // "X is away, and…"; not "After Dana's intro, Lee said he wants hybrid".)
           let earlier = names.last(where: { earlier in
               earlier.last < reporter.first && earlier.match != reporter.match
                   && tokens[(earlier.last + 1)..<reporter.first].contains { ["but", "though", "although", "wasn't", "isn't", "absent", "away",
                                                                              "missed", "couldn't", "out"].contains($0.folded) }
           }) {
            // Said not to be there, right after the name ("Dana wasn't on the call, and Lee says she'll…"):
            // theirs. Set apart some other way ("Dana laid out the timeline, but Lee says he…"): either's.
            return Self.isSaidAbsent(earlier, in: tokens) ? earlier.subject : Subject(voice: .ambiguous, named: true)
        }
        // "Someone on the board floated $500k": whoever it is, not a stakeholder.
        if tokens[..<topicStart].contains(where: { ["someone", "somebody"].contains($0.folded) }) {
            return Subject(voice: .outsider, named: true)
        }
        // Someone outside the group is the subject: "Their consultant from Huron is pushing for…",
        // "Dwayne's charge nurses want…", "per Beatriz the finance team is at…" (but not "staff data").
        if let verb = verbIndices.first(where: { tokens[$0].folded != "'s" }) {
            // "buy a platform, our Epic team has a two-year backlog": a later clause of its own, after
            // every view the statement gives, is not who gives them.
            // ("Big bang, the consultant says" is still the consultant's: a verb of speech.)
            let afterTheViews = !Self.speechWords.contains(tokens[verb].folded)
                && (topicMentions.map(\.last).max().map { last in Self.clause(around: verb, in: tokens).lowerBound > last } ?? false)
            for index in tokens.indices where !afterTheViews && index < verb && Self.outsiderWords.contains(tokens[index].folded)
                && !Self.isInNamedAside(index, in: tokens, names: names) && Self.isSomeoneUnnamed(index, in: tokens) {
                if Self.isOwnPaper(index, in: tokens) || Self.isColleague(index, in: tokens)
                    || Self.isWithOwnPeople(index, in: tokens, names: names) { continue }
                // "payback inside 18 mo or the board wont look at it": after "or", past every view the
                // statement gives, is what happens otherwise, not who holds them.
                // (Not "or so the analyst claims": hearsay.)
                if let or = tokens[..<index].lastIndex(where: { ["or", "otherwise"].contains($0.folded) }),
                   !topicMentions.isEmpty, topicMentions.allSatisfy({ $0.last < or }),
                   tokens[(or + 1)...].first(where: \.isWord)?.folded != "so" { continue }
                // "our auditors (Crane Whitby) say…": who they are, in brackets, between them and the verb.
                var aside = 0
                // ("The CFO (Dana Reyes) wants…" names a stakeholder: theirs.)
                if tokens[index + 1].isMark("("), let close = tokens[(index + 1)..<verb].firstIndex(where: { $0.isMark(")") }), close + 1 == verb {
                    if names.contains(where: { ((index + 1)...close).contains($0.first) }) { continue }
                    aside = close - index
                }
                let next = tokens[index + 1 + aside].folded
                // "the KLAS analyst we spoke to on Tuesday said…": a relative clause (a pronoun, then
                // a verb that gives no view) between the outsider and what they said.
                let relative = (Self.firstPerson.contains(next) || Self.thirdPerson.contains(next)) && index + 2 < verb
                    && !Self.viewWords.contains(tokens[index + 2].folded) && verb - index <= 8
                    && !names.contains { ((index + 1)..<verb).contains($0.first) }
                // "the analyst Marguerite spoke to says…": the same, with a stakeholder's name as the
                // relative clause's subject.
                let namedRelative = names.first { $0.first == index + 1 }.map { name in
                    name.last + 1 < verb && !Self.viewWords.contains(tokens[name.last + 1].folded) && verb - index <= 8
                        && !names.contains { ((name.last + 1)..<verb).contains($0.first) }
                } ?? false
                if relative || namedRelative { return Subject(voice: .outsider, named: true) }
                // "our Epic TS rep keeps telling me…": a habit word may come before the verb.
                // ("Dana briefed the board, who want the three-year cost under $1M": the board's own view.)
                // (A body outside the group only: not "spoke for the 3 West charge nurses, who want to go first".)
                let relativeWho = tokens[index + 1].isMark(",") && index + 2 < verb && tokens[index + 2].folded == "who"
                    && Self.outsideBodies.contains(tokens[index].folded)
                guard index + 1 + aside == verb || Self.subjectLinks.contains(next) || relativeWho
                    || ["keeps", "keep", "kept", "still", "also", "have", "has", "had"].contains(next)
                    || Self.outsiderHeads.contains(next) else { continue }
                let between = (index + 1 + aside)..<verb
                let interrupted = between.contains { Self.firstPerson.contains(tokens[$0].folded) || Self.thirdPerson.contains(tokens[$0].folded) }
                    || names.contains { between.contains($0.first) }
                if verb - index - aside <= 4, !interrupted {
                    return Subject(voice: .outsider, named: true)
                }
            }
        }
        // "The Chartis note had payback at ten months": an outside firm's paper opens the statement.
        // (Not "The HITRUST report", a topic's word, nor a stakeholder's: "the Dana note".)
        if tokens.count > 3, ["the", "a", "an"].contains(tokens[0].folded) {
            var at = 1
            while at < min(tokens.count, 4), tokens[at].isWord, tokens[at].startsUppercase, !names.contains(where: { $0.first <= at && at <= $0.last }),
                  !topicMentions.contains(where: { $0.first <= at && at <= $0.last }) {
                at += 1
            }
            // (Not "The Gartner numbers look rosy, but I need payback inside 18 months": the speaker's.)
            if at > 1, at < tokens.count, Self.outsidersPaper.contains(tokens[at].folded),
               !tokens.contains(where: { ["but", "though", "although", "however"].contains($0.folded) || Self.firstPerson.contains($0.folded) }) {
                return Subject(voice: .outsider, named: true)
            }
        }
        // "One more: the Gartner note says fully hosted is where everyone's heading": an outside paper
        // as the subject of what the views are said in (not "…, but I want hybrid").
        if let paper = tokens.indices.first(where: { at in
            at >= 2 && at + 1 < tokens.count && Self.paperLength(at, in: tokens) > 0
                && ["the", "a", "an"].contains(tokens[at - 2].folded) && tokens[at - 1].isWord && tokens[at - 1].startsUppercase
                && !names.contains(where: { $0.first <= at - 1 && at - 1 <= $0.last })
                && !topicMentions.contains(where: { $0.first <= at - 1 && at - 1 <= $0.last })
                && Self.paperSays(at + Self.paperLength(at, in: tokens) - 1, in: tokens, names: names)
        }), topicMentions.allSatisfy({ $0.first > paper }), !names.contains(where: { $0.last < paper }),
           !tokens[paper...].contains(where: { ["but", "though", "although", "however"].contains($0.folded) || Self.firstPerson.contains($0.folded) }) {
            return Subject(voice: .outsider, named: true)
        }
        // Someone outside the group opens the statement: "the Chartis consultant they brought in
        // keeps whispering big bang in Harold's ear".
        let openingWords = tokens.indices.filter { tokens[$0].kind != .mark }.prefix(4)
        // Not "For the nurses, I'd…" (after a preposition) nor "staff data" (a word describing another).
        // ("The Chartis consultant …": the last of two outsider words is the one the rest reads on.)
        if let outsider = openingWords.first(where: { Self.outsiderWords.contains(tokens[$0].folded) && !Self.isColleague($0, in: tokens)
                && !Self.isInNamedAside($0, in: tokens, names: names) && Self.isSomeoneUnnamed($0, in: tokens)
                && !($0 + 1 < tokens.count && Self.outsiderWords.contains(tokens[$0 + 1].folded)) }),
           !names.contains(where: { $0.first < outsider }),
           // "The CFO (Dana Reyes) wants…": the title names a stakeholder.
           !names.contains(where: { $0.first > outsider && $0.first <= outsider + 3 }),
           // ("Our auditors at Grantham & Pike want HITRUST": a body outside the group, even when it is "ours";
           // not "Our team wants…", "our nurses", the speaker's own people.)
           !openingWords.contains(where: { $0 < outsider && (Self.firstPerson.contains(tokens[$0].folded) || Self.prepositions.contains(tokens[$0].folded))
               && !(($0 + 1 == outsider || $0 + 2 == outsider && ["external", "outside", "independent", "new", "current"].contains(tokens[$0 + 1].folded))
                    && ["our", "my"].contains(tokens[$0].folded) && Self.outsideBodies.contains(tokens[outsider].folded)
                    // (Not "Our board paper puts…", "Our board-approved budget": the speaker's own.)
                    && !(outsider + 1 < tokens.count && (tokens[outsider + 1].isMark("-") || Self.outsidersPaper.contains(tokens[outsider + 1].folded)
                         || Self.papers.contains(tokens[outsider + 1].folded)))) }),
           !(outsider + 1 < tokens.count && tokens[outsider + 1].isWord && !Self.viewWords.contains(tokens[outsider + 1].folded)
               && !Self.thirdPerson.contains(tokens[outsider + 1].folded) && !Self.subjectLinks.contains(tokens[outsider + 1].folded)
               && !["who", "that", "keeps", "keep", "kept", "still", "also"].contains(tokens[outsider + 1].folded)
               // ("Wetherden Partners are apparently telling the board…".)
               && !(["are", "is", "were", "was"].contains(tokens[outsider + 1].folded)
                    && tokens[(outsider + 2)...].filter(\.isWord).prefix(2).contains(where: { Self.tellingWords.contains($0.folded) }))
               // "The Meridian analyst note has TCO … at around $1M": the outsider's paper.
               && !Self.outsidersPaper.contains(tokens[outsider + 1].folded)) {
            return Subject(voice: .outsider, named: true)
        }
        // "Odette says their outside counsel wants a 3-year term": the view reported is the outsider's.
        if let name = names.first, let verb = verbIndices.first(where: { $0 > name.last }) {
            let topicStart = topicMentions.map(\.first).min() ?? tokens.count
            let reported = (verb + 1)..<max(verb + 1, topicStart)
            if reported.contains(where: { index in
                // "their outside counsel at Halvard & Quist wants": a firm's name may come between.
                // ("the external auditors, Tarrant Bell, are comfortable with SOC 2": their name, set off by commas.)
                let reach = index + 1 < tokens.count && (Self.subjectLinks.contains(tokens[index + 1].folded) || tokens[index + 1].isMark(",")) ? 7 : 4
                // ("gus said a CNO he knows at Ashgrove saw OT fall 25%": someone, not a stakeholder, whatever the verb.)
                // (A title or an adviser, not "a board-ready case", "a partner", "a team".)
                let someone = index > 0 && ["a", "an"].contains(tokens[index - 1].folded)
                    && Self.outsideTitles.contains(tokens[index].folded) && !(index + 1 < tokens.count && tokens[index + 1].isMark("-"))
                // ("Florian said his night staff would take a separate app": his own people, for whom he speaks.)
                // (Their people as a body only: not "Dana said her CFO wants…", "his CISO", "her board".)
                if index >= 1, ["staff", "team", "people", "folks", "nurses", "office", "department"].contains(tokens[index].folded),
                   tokens[max(0, index - 3)..<index].contains(where: { ["his", "her"].contains($0.folded) }),
                   !names.contains(where: { $0.first > name.last && $0.first < index }) {
                    return false
                }
                // ("Hildegard told the board she wants it phased": whom she told, not who holds it.)
                // (Not "briefed the board, who want…": the board's own view after it.)
                let told = index >= 2 && ["the", "our", "their", "her", "his"].contains(tokens[index - 1].folded)
                    && ["told", "tell", "tells", "telling", "wrote", "emailed", "briefed", "asked", "warned", "reminded"].contains(tokens[index - 2].folded)
                    && !tokens[(index + 1)...].prefix(2).contains(where: { ["who", "which"].contains($0.folded) })
                return Self.outsiderWords.contains(tokens[index].folded) && !told && !Self.isOwnPaper(index, in: tokens) && !Self.isColleague(index, in: tokens)
                    && !Self.isInNamedAside(index, in: tokens, names: names) && Self.isSomeoneUnnamed(index, in: tokens)
                    && (someone || verbIndices.contains { $0 > index && $0 <= index + reach && $0 < topicStart }
                        || Self.standsOn(after: index, within: reach, before: topicStart, in: tokens)
                        // ("He also said the board won't look at a three-year cost over $1.5M".)
                        || index + 1 < topicStart && ["won't", "wont", "will", "would", "wouldn't", "can't", "cannot", "must"].contains(tokens[index + 1].folded))
            }) {
                return Subject(voice: .outsider, named: true)
            }
        }
        // "Kingsbridge got their go-live in 28 weeks, I heard": what the speaker heard, from no one in
        // the group, is not the speaker's view (not "I hear you on payback, but I want 18").
        // (Not "She'd go hybrid, I gather", about the one just written about.)
        if names.isEmpty, Self.isHearsay(words),
           !(previous?.holder != nil && words.contains(where: { Self.thirdPerson.contains($0) && !$0.hasPrefix("they") })) {
            return Subject(voice: .outsider, named: true)
        }
        // "but I have heard him say thirty-six weeks": the one just written about.
        // (Heard, not wished or denied: not "Want to hear him say 18", "I've never heard him say 24".)
        if names.isEmpty, words.indices.dropLast(2).contains(where: { words[$0] == "heard" && ["him", "her"].contains(words[$0 + 1])
            && ["say", "said", "saying", "mention", "argue", "quote"].contains(words[$0 + 2])
            && ($0 == 0 || !(["never", "to", "want", "not"].contains(words[$0 - 1]) || words[$0 - 1].hasSuffix("n't"))) }) {
            if let id = previous?.holder { return Subject(voice: .stakeholder(id), named: true) }
            return Subject(voice: .outsider, named: false)
        }
        // "And Mireille tells me the hosted part will run in the US region, which is what I need": what
        // someone passes on, taken by the speaker as theirs.
        if voice.isStakeholder, Self.takesAsOwn(words) { return Subject(voice: voice, named: false) }
        // "Data residency: onshore only, per Perpetua", "(per noor)": the one it is given for, named last.
        // (Not "Sent the three-year pricing, per Dana", the seller's errand, nor "Nursing wants a pilot first,
        // per Lee", a department's view passed on.)
        if let last = names.last, last.first > 0, tokens[last.first - 1].folded == "per", !last.possessive,
           let opening = tokens.first(where: \.isWord), !NoteLayout.activityVerbs.contains(opening.folded),
           !Self.departments.contains(opening.folded), !taxonomy.roles.contains(opening.folded),
           tokens[(last.last + 1)...].allSatisfy({ $0.kind == .mark }), !names.contains(where: { $0.match != last.match }),
           // (Not "She'd like 7 West to be the pilot (per Gus)", hers, nor "Board finance wants TCO under
           // $1M per Crispin", "board policy is US-only (per henrietta)": someone else's, passed on.)
           !tokens[..<last.first].contains(where: { token in
               Self.thirdPerson.contains(token.folded) || Self.reportedPronouns.contains(token.folded) || Self.outsiderWords.contains(token.folded)
                   || ["his", "her", "their", "policy", "rule", "rules"].contains(token.folded)
           }) {
            return last.subject
        }
        for name in names {
            // "the model shows payback in 15 months using Torvald's twelve percent": a figure borrowed
            // from someone, after the views the statement gives, makes none of them theirs.
            // (Only a figure right after the name: "using Dana's model" gives her model's result.)
            if name.possessive, name.first > 0, ["using", "from", "per"].contains(tokens[name.first - 1].folded),
               topicMentions.contains(where: { $0.last < name.first - 1 }), NoteFigure.scan(tokens).contains(where: { $0.first == name.last + 2 }) {
                continue
            }
            // "I read Aurora's reference notes over the weekend and I'm persuaded: …": someone's paper
            // the speaker read is not who holds what the speaker says.
            // (Their paper, then the speaker's own view: not "I saw Dana's three-year cost of $1.4M", nor "I read
            // Dana's email: she wants…".)
            if name.possessive, name.first > 1, ["read", "reread", "re-read", "skimmed", "reviewed", "saw"].contains(tokens[name.first - 1].folded),
               Self.firstPerson.contains(tokens[name.first - 2].folded),
               tokens[(name.last + 2)...].prefix(2).contains(where: { Self.papers.contains($0.folded) }),
               let view = tokens.indices.first(where: { $0 > name.last + 2 && ["i'm", "im", "i've", "i'd"].contains(tokens[$0].folded) }),
               tokens[view...].prefix(3).contains(where: { Self.changesMindWords.contains($0.folded) || Self.viewWords.contains($0.folded) }) {
                continue
            }
            // "…, which is the middle of Zofia's range", "a pilot on 6 North, Lowri's ward", "she'd take Lowri's
            // view on which ward goes first": someone's range, ward or view mentioned, not who holds this one.
            if name.possessive, name.last + 2 < tokens.count {
                let owned = tokens[name.last + 2].folded
                let inAside = tokens[..<name.first].lastIndex(where: { $0.folded == "which" }).map { which in
                    which > 0 && tokens[which - 1].isMark(",") && topicMentions.contains(where: { $0.last < which })
                } ?? false
                if inAside || ["ward", "unit", "floor", "wing"].contains(owned) && name.first > 0 && tokens[name.first - 1].isMark(",")
                    || ["view", "lead", "call"].contains(owned) && name.first > 0 && ["take", "follow", "to"].contains(tokens[name.first - 1].folded) {
                    continue
                }
            }
            // "I don't think we should build our own, whatever Kenver says": a name set aside.
            if name.first > 0, tokens[name.first - 1].folded == "whatever" { continue }
            // "…, with a pilot first if Kester Amadi wants one": a name in a condition holds nothing.
            if name.first > 0, ["if", "unless"].contains(tokens[name.first - 1].folded), case .stakeholder = voice { continue }
            // "Same as Clodagh Byrne: a three-year term": the speaker agreeing, in their own words.
            if name.first >= 2, tokens[name.first - 1].folded == "as", tokens[name.first - 2].folded == "same", case .stakeholder = voice { continue }
            // "Jo tells me Augusto wants it on-prem": a view passed on is the view of the one it is about.
            // ("Cosimo R. says Rory wants…": the same after an initial's full stop.)
            let said = name.last + 1 < tokens.count && tokens[name.last + 1].isMark(".") ? name.last + 2 : name.last + 1
            if said + 1 < tokens.count, Self.passingOn.contains(tokens[said].folded),
               let other = names.first(where: { $0.first > said && $0.first <= said + 6 }),
               // ("Osric passed on that Clementine wants annual": the same; "told me yesterday afternoon that
               // Tobias now wants…": and when.)
               tokens[(said + 1)..<other.first].allSatisfy({ ["me", "us", "that", "on", "yesterday", "today", "afternoon", "morning", "evening",
                                                               "last", "night", "week"].contains($0.folded) || NoteText.weekdays.contains($0.folded) }),
               // ("…that Tobias now wants the pilot": a word of time or degree may come first.)
               let aside = Self.afterAside(other.last + 1, in: tokens),
               let verb = tokens[aside...].firstIndex(where: { !["now", "still", "also", "really", "definitely", "clearly"].contains($0.folded) }),
               Self.viewWords.contains(tokens[verb].folded) || Self.standsOn(after: verb - 1, within: 1, before: tokens.count, in: tokens) {
                continue
            }
            // "I'll go fully hosted now that Solveig has her HITRUST date": a name in a clause of
            // reason is not who holds the view.
            let leading = tokens[..<name.first].filter(\.isWord).suffix(2).map(\.folded)
            // ("Now that Gideon's got his cap on increases, a three-year term is fine with me": a reason
            // that opens the statement, and the speaker's own words after its comma.)
            let reasonWords = leading == ["now", "that"] ? 2 : 1
            let opensWithReason = leading == ["now", "that"]
                && tokens[..<name.first].filter(\.isWord).dropLast(reasonWords).allSatisfy { Self.leadIns.contains($0.folded) }
                && tokens[(name.last + 1)...].firstIndex(where: { $0.isMark(",") }).map { comma in
                    tokens[comma...].contains { Self.firstPerson.contains($0.folded) }
                } == true
            // ("I'd land the TCO at around one point two million, after Jess has had a go at you": a later
            // clause of time, the same.)
            // (For "after", "before", "until" and "when", only where the name says nothing in its clause: not
            // "I was in the room when Dana told the board she needs HITRUST".)
            let timeClause = ["after", "before", "until", "when"].contains(leading.last ?? "")
            let saysInItsClause = tokens[(name.last + 1)...].prefix(while: { !$0.isMark(",") })
                .contains { (Self.viewWords.contains($0.folded) && !["has", "had", "have", "having"].contains($0.folded))
                    || Self.speechWords.contains($0.folded) || Self.passingOn.contains($0.folded) }
            if leading == ["now", "that"] || ["because", "since", "once"].contains(leading.last ?? "") || (timeClause && !saysInItsClause),
               voice.isStakeholder || voice == .vendor,
               tokens[..<name.first].contains(where: { Self.firstPerson.contains($0.folded) }) || opensWithReason {
                continue
            }
            // "He now wants payback in 18 months, because he's modelling on Eilidh's figures": the
            // same when a pronoun opens the statement and the name comes in a later clause of reason.
            // (Only someone's paper or figures the reason goes by — "on Eilidh's figures", "from Dana" —
            // not "since Dana puts go-live at forty weeks", Dana's own view.)
            if let reason = tokens[..<name.first].lastIndex(where: { ["because", "since"].contains($0.folded) }),
               let opening = tokens.firstIndex(where: \.isWord), opening < reason, Self.reportedPronouns.contains(tokens[opening].folded),
               topicMentions.contains(where: { $0.last < reason }), !names.contains(where: { $0.first < reason }),
               name.possessive || (name.first > 0 && Self.prepositions.contains(tokens[name.first - 1].folded)
                                   && !tokens[(name.last + 1)...].prefix(3).contains(where: { Self.viewWords.contains($0.folded) })) {
                continue
            }
            let beforeIndex = tokens[..<name.first].lastIndex { $0.kind != .mark || ["+", "&"].contains($0.text) }
            // "And Zoltán told me…": a statement's opening "and" joins it to the last, not to a name.
            if let beforeIndex, Self.prepositions.contains(tokens[beforeIndex].folded),
               !(beforeIndex == 0 && ["and", "+", "&"].contains(tokens[beforeIndex].folded)) {
                continue
            }
            // "Honora, at Tuesday's huddle: \"we phase it…\"": the words quoted are the named person's.
            if let open = tokens.indices.first(where: { $0 > name.last && Self.quoteMarks.contains(tokens[$0].text) }),
               !tokens[..<open].contains(where: { Self.quoteMarks.contains($0.text) }),
               !names.contains(where: { $0.first > name.last && $0.first < open }),
               topicMentions.contains(where: { $0.first > open }),
               tokens[(open + 1)...].contains(where: { Self.firstPerson.contains($0.folded) }),
               // "Dana forwarded the CFO's note: \"we need…\"": the words are the CFO's.
               !tokens[(name.last + 1)..<open].contains(where: { Self.outsiderWords.contains($0.folded) }) {
                return name.subject
            }
            // "Beatrice Mulhern has won me over, so it's a pilot…": the speaker's view now, not hers.
            let persuaded = tokens[(name.last + 1)...].filter(\.isWord).prefix(4).map(\.folded)
            // (Not "Dana convinced me she'll sign the three-year term": what she convinced the speaker of is hers.)
            if let cue = [["talked", "me", "round"], ["talked", "me", "around"], ["has", "talked", "me", "round"], ["brought", "me", "round"],
                          ["has", "won", "me"], ["won", "me"], ["has", "convinced", "me"], ["convinced", "me"], ["has", "persuaded", "me"],
                          ["persuaded", "me"]].first(where: { persuaded.starts(with: $0) }),
               !(persuaded.count > cue.count && ["that", "she", "he", "they", "she'll", "he'll", "they'll", "she's", "he's"].contains(persuaded[cue.count])) {
                continue
            }
            // "I'd back Élodie's thirty weeks", "I agree with Lee's $300k": the speaker takes the view as theirs.
            if let me = tokens[..<name.first].lastIndex(where: { Self.firstPerson.contains($0.folded) }),
               tokens[me..<name.first].contains(where: { Self.endorsing.contains($0.folded) }) {
                continue
            }
            // "Soledad sided with Imelda on the pilot", "Dana backed Lee's $300k": the view is taken
            // by the one named first, who endorses it.
            // (The endorsing word right after the earlier name, which no preposition opens: not "With
            // Dana's backing, Lee is pushing phased".)
            // ("Fintan is with Delphine M. on the pilot": on her side.)
            if let earlier = names.last(where: { $0.last < name.first }), name.first - earlier.last <= 4,
               earlier.last + 1 < tokens.count, Self.endorsingDone.contains(tokens[earlier.last + 1].folded)
                || (earlier.last + 2 < tokens.count && ["is", "'s"].contains(tokens[earlier.last + 1].folded)
                    && tokens[earlier.last + 2].folded == "with" && earlier.last + 3 == name.first),
               earlier.first == 0 || !Self.prepositions.contains(tokens[earlier.first - 1].folded) {
                return earlier.subject
            }
            // ("Kiri Tamatea, one of his charge nurses, is firmly with Rosamund on the pilot": an aside
            // between the two, and a word of degree.)
            if let earlier = names.last(where: { $0.last < name.first }), name.first >= 2, tokens[name.first - 1].folded == "with",
               earlier.first == 0 || !Self.prepositions.contains(tokens[earlier.first - 1].folded) {
                var at = earlier.last + 1
                if at < name.first, tokens[at].isMark(","), let close = tokens[(at + 1)..<name.first].firstIndex(where: { $0.isMark(",") }),
                   close - at <= 10 {
                    at = close + 1
                }
                let between = at < name.first - 1 ? tokens[at..<(name.first - 1)].map(\.folded) : []
                if let verb = between.first, ["is", "'s", "are", "was"].contains(verb), between.count <= 2,
                   between.dropFirst().allSatisfy({ Self.sideDegrees.contains($0) }) {
                    return earlier.subject
                }
            }
            // "Naomi's right, by the way, the pilot has to come first": agreeing with her, in the
            // speaker's own words.
            if name.possessive || (name.last + 1 < tokens.count && tokens[name.last + 1].folded == "is"),
               name.last + 2 < tokens.count, ["right", "correct"].contains(tokens[name.last + 2].folded), case .stakeholder = voice {
                continue
            }
            // "Respectfully, Magnus, I'd rather…": a name spoken to, not the one speaking.
            let after = name.last + 1 < tokens.count ? tokens[name.last + 1] : nil
            let previous = name.first > 0 ? tokens[name.first - 1] : nil
            // ("Gideon Stavros, who has asked me to pass his view along, expects…" is not spoken to.)
            // ("Fred, as far as I can tell, has settled on…", "Severin, I gather, would rather…": an
            // aside between a name and its verb.)
            let relative = name.last + 2 < tokens.count && (["who", "whose"].contains(tokens[name.last + 2].folded)
                || tokens[(name.last + 2)...].prefix(8).firstIndex(where: { $0.isMark(",") }).map { close in
                    close + 1 < tokens.count && tokens[close + 1].isWord && Self.viewWords.contains(tokens[close + 1].folded)
                        && !topicMentions.contains { $0.first > name.last && $0.first < close }
                } ?? false)
            // (After a greeting, "Hi Raj, as discussed, wanted to confirm…", the name is spoken to.)
            let greeted = previous.map { ["hi", "hey", "hello", "thanks", "dear"].contains($0.folded) } ?? false
            if after?.isMark(",") == true, greeted || (!relative && (previous == nil || previous!.isMark(","))) {
                continue
            }
            // "Coralie's old hospital cut OT by 20%", "Lettie's cousin says…": someone's relation or
            // former workplace is not them.
            // (But "Dana's report": her own paper.)
            // (A counterpart elsewhere, "Dana's counterpart at Hollins Bay", not "Dana's counterpart in IT".)
            let following = tokens[(name.last + 1)...].filter(\.isWord).prefix(4).map(\.folded)
            if name.possessive, following.prefix(3).indices.contains(where: { at in
                let word = following[at]
                if ["counterpart", "counterparts", "peer", "peers"].contains(word) {
                    return at + 1 < following.count && ["at", "from"].contains(following[at + 1])
                }
                return (Self.outsiderWords.contains(word) && !["report", "reports"].contains(word)) || Self.otherPlaces.contains(word)
            }) {
                return Subject(voice: .outsider, named: true)
            }
            let hasVerbAfter = verbIndices.contains { $0 > name.last }
            // "Priyanka V.: HITRUST r2", "Oksana -- annual": the name heads what follows.
            // (After "Priyanka V." the initial's full stop comes first.)
            var head = name.last + 1 < tokens.count && tokens[name.last + 1].isMark(".") ? name.last + 2 : name.last + 1
            // "Treharne flatly: HITRUST.": a manner word may come between the name and its colon.
            if head + 1 < tokens.count, tokens[head].isWord, tokens[head].folded.hasSuffix("ly"), tokens[head + 1].isMark(":") { head += 1 }
            let colon = head < tokens.count && (tokens[head].isMark(":") || tokens[head].isMark("—") || tokens[head].isMark("–")
                || (tokens[head].isMark("-") && head + 1 < tokens.count && tokens[head + 1].isMark("-")))
            // "Pilot, then Honora's waves", said by Vivienne: the speaker's view, naming someone's plan.
            if name.possessive, !verbIndices.contains(where: { $0 > name.last + 1 }), case .stakeholder = voice,
               topicMentions.contains(where: { $0.last < name.first && taxonomy.topic($0.topic)?.isNumber == false }) {
                continue
            }
            guard name.possessive || hasVerbAfter || colon else { continue }
            return name.subject
        }
        // A name NextSend does not know, speaking: "Maria estimated 16 weeks", "Sam said…".
        let wordTokens = tokens.filter { $0.kind != .mark }
        // ("I'd put overtime down 18%" is the speaker: a first-person word is never such a name.)
        // ("Cordell Memorial told me…": a name of two or three capitalized words, a peer hospital's.)
        // (Not "As promised, our three-year cost is capped at $1.2M", "As stated on the call, …".)
        if let verb = wordTokens.prefix(4).firstIndex(where: { Self.speechWords.contains($0.folded) }), verb >= 1,
           !["as", "per", "like", "once", "when", "if", "we", "you", "they", "it"].contains(wordTokens[0].folded),
           // ("St. Brendan's told me…": a hospital named by its saint, with its "'s".)
           wordTokens[0].startsUppercase, wordTokens[..<verb].allSatisfy({ ($0.startsUppercase || $0.folded == "'s")
               && !Self.notNames.contains($0.folded) && !Self.firstPerson.contains($0.folded) }),
           !topicMentions.contains(where: { $0.first == 0 }), names.isEmpty {
            return Subject(voice: .outsider, named: true)
        }
        // "Larkhill's procurement lead said their TCO came in at $2.05M": someone at a place NextSend
        // does not know, by title, opening the statement (not "Legal's view", a department, nor
        // "Dana's", a stakeholder).
        // (A person's title before the verb: not "Tuesday's meeting confirmed…".)
        if tokens.count > 3, tokens[0].isWord, tokens[0].startsUppercase, tokens[1].folded == "'s", names.isEmpty,
           !Self.notNames.contains(tokens[0].folded), !Self.firstPerson.contains(tokens[0].folded),
           !Self.departments.contains(tokens[0].folded), !taxonomy.roles.contains(tokens[0].folded),
           !NoteText.weekdays.contains(tokens[0].folded), !NoteText.months.contains(tokens[0].folded),
           !["today", "yesterday", "tomorrow"].contains(tokens[0].folded),
           let verb = tokens.indices.dropFirst(3).prefix(3).first(where: { Self.speechWords.contains(tokens[$0].folded) }),
           tokens[2..<verb].allSatisfy({ $0.isWord && !$0.startsUppercase }), topicMentions.allSatisfy({ $0.first > verb }),
           Self.outsideTitles.contains(tokens[verb - 1].folded) || Self.titleHeads.contains(tokens[verb - 1].folded) {
            return Subject(voice: .outsider, named: true)
        }
        // "They'll do annual at a premium", in a buyer's own notes: whoever "they" are (the vendor,
        // the nurses), not the writer.
        if voice.isStakeholder, let first = wordTokens.first, ["they", "they'll", "they'd", "they're", "theyll", "theyre"].contains(first.folded),
           names.isEmpty, !Self.saysRight(after: wordTokens) {
            return Subject(voice: .outsider, named: true)
        }
        // "Bart's three-year budget is a million two": the figure of someone NextSend does not know
        // by that name (a nickname, a colleague), not the writer's.
        if tokens.count > 2, tokens[0].isWord, tokens[0].startsUppercase, tokens[1].folded == "'s", !names.contains(where: { $0.first == 0 }),
           !Self.notNames.contains(tokens[0].folded), !Self.firstPerson.contains(tokens[0].folded),
           // Not a department its own member speaks for ("Legal's position: three-year term").
           !Self.departments.contains(tokens[0].folded), !taxonomy.roles.contains(tokens[0].folded),
           // Not "Lorcan's going off-the-shelf", "Kit's been clear": there "'s" is "is" or "has".
           !tokens[2].folded.hasSuffix("ing"), !Self.viewWords.contains(tokens[2].folded), !["been", "got", "gone"].contains(tokens[2].folded),
           topicMentions.contains(where: { (2...4).contains($0.first) }) {
            return Subject(voice: .outsider, named: true)
        }
        // "I know Vashti's view is that SOC 2 covers a vendor this size": the view of someone NextSend
        // does not know, reported.
        for index in tokens.indices.dropLast(2) where tokens[index].isWord && tokens[index].startsUppercase && tokens[index + 1].folded == "'s"
            && ["view", "position", "take", "opinion", "stance"].contains(tokens[index + 2].folded)
            && !names.contains(where: { $0.last == index }) && !Self.firstPerson.contains(tokens[index].folded)
            // (Not "Legal's position", "Procurement's view": a department its member speaks for.)
            && !Self.departments.contains(tokens[index].folded) && !taxonomy.roles.contains(tokens[index].folded) {
            return Subject(voice: .outsider, named: true)
        }
        // "he wants to buy a platform" after "Tariq wants…" (but "She's right, and I've come round: …"
        // agrees with her and goes on in the speaker's own words).
        // ("but for the record she's fine with SOC 2": a pronoun after words that only lead in.)
        // ("I understand he is content with a fully hosted arrangement": his view, as the writer hears it.)
        var opening = wordTokens.drop { Self.leadIns.contains($0.folded) }
        // (Only when a view word follows the pronoun: "I think he's low on the TCO" is the speaker's.)
        if opening.count > 3, ["i", "we"].contains(opening.first!.folded),
           ["understand", "gather", "hear", "heard", "believe", "think", "suspect"].contains(opening.dropFirst().first!.folded),
           Self.thirdPerson.contains(opening.dropFirst(2).first!.folded),
           let next = opening.dropFirst(3).first(where: { !["'s", "is", "are", "was", "were", "would", "'d"].contains($0.folded) }),
           Self.viewWords.contains(next.folded) || ["content", "keen", "set", "open"].contains(next.folded) {
            opening = opening.dropFirst(2)
        }
        // ("I know she wants HITRUST": the same after "know", with he or she and a verb of wanting or
        // thinking only; not "I know she has SOC 2 reports from both", "I know they said thirty weeks".)
        if opening.count > 3, ["i", "we"].contains(opening.first!.folded), opening.dropFirst().first!.folded == "know",
           ["he", "she"].contains(opening.dropFirst(2).first!.folded),
           ["wants", "needs", "prefers", "insists", "thinks", "expects", "would", "favours", "favors", "likes"].contains(opening.dropFirst(3).first!.folded) {
            opening = opening.dropFirst(2)
        }
        // "For Epic he's happy with an HL7 feed", "On payback she's at eighteen": a short lead naming
        // what it is about, then the pronoun that holds the view.
        // (He or she only, after a lead of plain words: not "for his nurses, they'd rather…".)
        if let lead = wordTokens.first, ["for", "on", "regarding", "re"].contains(lead.folded),
           let pronoun = wordTokens.prefix(5).dropFirst(2).firstIndex(where: { Self.thirdPerson.contains($0.folded) && !$0.folded.hasPrefix("they") }),
           !wordTokens[..<pronoun].contains(where: { Self.viewWords.contains($0.folded)
               || ["him", "her", "them", "his", "their", "our", "my", "the", "a", "an"].contains($0.folded) }) {
            opening = wordTokens[pronoun...]
        }
        // "Her overtime figure is 9%", "His number's twenty": the view of the person just written about.
        if let first = opening.first, ["her", "his"].contains(first.folded) {
            let rest = opening.dropFirst().prefix(8).map(\.folded)
            if let verb = rest.firstIndex(where: { ["is", "was", "'s", "has"].contains($0) }), verb > 0,
               rest[..<verb].contains(where: { Self.viewNouns.contains($0) }) {
                if let id = previous?.holder { return Subject(voice: .stakeholder(id), named: true) }
                return Subject(voice: .outsider, named: false)
            }
        }
        // "HITRUST is a hard requirement for him", "Onshore data matters to her": the one just
        // written about, when the statement names no one and speaks for no one in the first person.
        // ("the US" is a country.)
        if names.isEmpty, let id = previous?.holder, !tokens.contains(where: { $0.isWord && Self.firstPerson.contains($0.folded) && $0.text != "US" }),
           let at = words.indices.dropFirst().first(where: { ["him", "her"].contains(words[$0]) && ["for", "to"].contains(words[$0 - 1]) }),
           words[max(0, at - 4)..<(at - 1)].contains(where: { Self.mattersWords.contains($0) }) {
            return Subject(voice: .stakeholder(id), named: true)
        }
        if let first = opening.first, Self.thirdPerson.contains(first.folded),
           !Self.saysRight(after: opening) {
            if let id = previous?.holder { return Subject(voice: .stakeholder(id), named: true) }
            return Subject(voice: .outsider, named: false)
        }
        return Subject(voice: voice, named: false)
    }

    /// "She's right", "They're correct": a pronoun that only agrees with its person, after which the
    /// speaker goes on in their own words.
    static func saysRight<Words: Collection<NoteToken>>(after words: Words) -> Bool {
        ["right", "correct"].contains(words.dropFirst().first { !["'s", "is", "are", "was", "were"].contains($0.folded) }?.folded ?? "")
    }

    /// "Dana's report", "my report": a report someone in the statement owns, not an outsider's.
    static func isOwnPaper(_ index: Int, in tokens: [NoteToken]) -> Bool {
        // ("Dana's latest report", "our board report": an owner up to two words back.)
        guard ["report", "reports"].contains(tokens[index].folded) else { return false }
        for back in 1...3 where index - back >= 0 {
            let token = tokens[index - back]
            if ["'s", "my", "our", "his", "her", "their", "your"].contains(token.folded) { return true }
            if token.kind == .mark || back == 3 { return false }
        }
        return false
    }

    /// Whether a word for a person ("man", "guy", "nurse") at `index` is someone unnamed: "the Stainforth
    /// man", "a chief nurse I know" — not "Lee's a numbers guy", "the IT guy" said of someone, "As a nurse,
    /// I want…". Other outsider words are always someone.
    static func isSomeoneUnnamed(_ index: Int, in tokens: [NoteToken]) -> Bool {
        guard ["man", "woman", "guy", "chap", "nurse"].contains(tokens[index].folded) else { return true }
        if tokens[max(0, index - 3)..<index].contains(where: { ["is", "'s", "as", "was", "am"].contains($0.folded) }) { return false }
        return index >= 1 && tokens[index - 1].isWord && tokens[index - 1].startsUppercase && !tokens[index - 1].isAllCaps
            || index >= 2 && ["a", "an", "the"].contains(tokens[index - 2].folded)
    }

    /// Whether `index` is inside brackets right after a stakeholder's name, saying who they are: "Nell
    /// (charge nurse, 4 North) is keen…".
    static func isInNamedAside(_ index: Int, in tokens: [NoteToken], names: [NotePeople.Mention]) -> Bool {
        guard let open = tokens[..<index].lastIndex(where: { $0.isMark("(") || $0.isMark(")") }), tokens[open].isMark("("),
              tokens[index...].contains(where: { $0.isMark(")") }) else { return false }
        // (A title only: not "Lee (or rather his board) wants…".)
        guard let close = tokens[open...].firstIndex(where: { $0.isMark(")") }),
              !tokens[open..<close].contains(where: { ["his", "her", "their", "via", "per", "or", "rather"].contains($0.folded) }) else { return false }
        return names.contains { $0.last + 1 == open }
    }

    /// The index at `index`, or past a bracketed aside that opens there ("Nell (charge nurse, 4
    /// North) is keen…"); `nil` at the end of the statement.
    static func afterAside(_ index: Int, in tokens: [NoteToken]) -> Int? {
        guard index < tokens.count else { return nil }
        // ("Freddie, who runs nights on 3 West, is fine with…": a relative clause set off by commas.)
        if tokens[index].isMark(","), index + 1 < tokens.count, ["who", "whose"].contains(tokens[index + 1].folded),
           let close = tokens[(index + 2)...].prefix(12).firstIndex(where: { $0.isMark(",") }) {
            return close + 1 < tokens.count ? close + 1 : nil
        }
        guard tokens[index].isMark("("), let close = tokens[index...].firstIndex(where: { $0.isMark(")") }) else { return index }
        return close + 1 < tokens.count ? close + 1 : nil
    }

    /// The tokens of an outsider's paper starting at `index`: "note" is one, "write-up" three (its
    /// hyphen is a token of its own); 0 when none starts there.
    static func paperLength(_ index: Int, in tokens: [NoteToken]) -> Int {
        if outsidersPaper.contains(tokens[index].folded) { return 1 }
        if tokens[index].folded == "write", index + 2 < tokens.count, tokens[index + 1].isMark("-"), tokens[index + 2].folded == "up" { return 3 }
        return 0
    }

    /// Whether the paper at `index` is what speaks: "the Gartner note says…", "the KLAS write-up has…",
    /// or past whom it came through, "The KLAS write-up Prudence sent round says…".
    static func paperSays(_ index: Int, in tokens: [NoteToken], names: [NotePeople.Mention]) -> Bool {
        var at = index + 1
        if let name = names.first(where: { $0.first == at }), name.last + 1 < tokens.count,
           ["sent", "shared", "forwarded", "circulated", "found", "flagged", "passed", "brought"].contains(tokens[name.last + 1].folded) {
            at = name.last + 2
            if at < tokens.count, ["round", "around", "over", "out", "on", "along"].contains(tokens[at].folded) { at += 1 }
        }
        guard at < tokens.count else { return false }
        return speechWords.contains(tokens[at].folded) || ["has", "had", "shows", "showed"].contains(tokens[at].folded)
    }

    /// "are comfortable with", "is fine with", "is set on": a stand said with "is" and a word of
    /// standing, starting within `reach` tokens after `index` and before `end`.
    static func standsOn(after index: Int, within reach: Int, before end: Int, in tokens: [NoteToken]) -> Bool {
        tokens.indices.contains { at in
            at > index && at <= index + reach && at + 1 < min(end, tokens.count) && ["is", "are", "'s", "was", "were"].contains(tokens[at].folded)
                && ["comfortable", "fine", "happy", "ok", "okay", "keen", "content", "set", "adamant", "firm"].contains(tokens[at + 1].folded)
        }
    }

    /// "…, I heard", "I'm told …", "apparently": a view the speaker passes on from someone unnamed
    /// (not "I hear you", nor a view of the speaker's own beside it: "I heard 28 weeks, and I think
    /// that's right").
    static func isHearsay(_ words: [String]) -> Bool {
        let cues: [[String]] = [["i", "heard"], ["i", "hear"], ["i'm", "told"], ["im", "told"], ["i", "was", "told"], ["i've", "heard"],
                                ["i", "gather"]]
        var found: Range<Int>?
        for cue in cues {
            if let at = words.indices.first(where: { at in
                words[at...].starts(with: cue) && (at + cue.count == words.count || !["you", "from", "back", "what"].contains(words[at + cue.count]))
            }) {
                found = at..<(at + cue.count)
                break
            }
        }
        guard let found else { return false }
        let rest = words[..<found.lowerBound] + words[found.upperBound...]
        return !rest.contains { firstPerson.contains($0) || opinionWords.contains($0) }
    }

    /// "…, and I agree with her", "…, and so do I", "…, and me too": the speaker, after passing on
    /// someone's view, takes it as theirs too.
    static func agreesAtTheEnd(_ words: [String]) -> Bool {
        let tails: [[String]] = [["and", "i", "agree", "with", "her"], ["and", "i", "agree", "with", "him"], ["and", "i", "agree"],
                                 ["and", "so", "do", "i"], ["and", "i", "do", "too"], ["and", "me", "too"], ["and", "i'm", "with", "her"],
                                 ["and", "i'm", "with", "him"], ["and", "i", "agree", "with", "her", "on", "that"],
                                 ["and", "i", "agree", "with", "him", "on", "that"]]
        return tails.contains { words.count > $0.count && words.suffix($0.count).elementsEqual($0) }
    }

    /// "That's from Wystan.", "That's Cyprian's line.", "That's Cyprian's view and mine.": whom the
    /// statement before belongs to, and whether the speaker shares it.
    func credit(_ statement: String, lowercaseText: Bool) -> (id: String, alsoSpeaker: Bool)? {
        // (Most statements are not one: only those that open with "that" are tokenized again.)
        guard statement.drop(while: { !$0.isLetter }).prefix(4).lowercased() == "that" else { return nil }
        let tokens = NoteText.tokens(of: statement)
        let names = people.mentions(in: tokens, lowercaseText: lowercaseText)
        guard names.count == 1, case let .person(id) = names[0].match else { return nil }
        var before = tokens[..<names[0].first].filter(\.isWord).map(\.folded)
        // ("That's" may come as "that" and "'s".)
        if before.starts(with: ["that", "'s"]) { before.replaceSubrange(0..<2, with: ["that's"]) }
        guard [["that's"], ["that's", "from"], ["that", "is"], ["that", "is", "from"], ["that", "was"], ["that", "was", "from"], ["that's", "what"]]
            .contains(before) else { return nil }
        var after = tokens[(names[0].last + 1)...].filter(\.isWord).map(\.folded)
        if before.last == "what", after.first.map({ ["said", "says", "thinks", "wants"].contains($0) }) == true { after.removeFirst() }
        else if before.last == "what" { return nil }
        if after.first == "'s" {
            guard after.count >= 2, ["line", "view", "position", "number", "take", "ask", "figure", "estimate"].contains(after[1]) else { return nil }
            after.removeFirst(2)
        }
        if after.isEmpty { return (id, false) }
        if after == ["and", "mine"] || after == ["and", "mine", "too"] || after == ["as", "well", "as", "mine"] { return (id, true) }
        return nil
    }

    /// "…, which is what I need", "which is exactly what we asked for": the speaker takes what the
    /// statement says as their own.
    static func takesAsOwn(_ words: [String]) -> Bool {
        guard let which = words.lastIndex(of: "which") else { return false }
        let rest = words[(which + 1)...].filter { !["is", "'s", "exactly", "just", "precisely"].contains($0) }
        guard rest.count >= 3, rest.first == "what", ["i", "we"].contains(rest.dropFirst().first!) else { return false }
        // (Only after something passed on, "X tells me …": not "Dana wants payback in 18 months, which is
        // what I expected", hers.)
        return ["need", "want", "wanted", "needed", "asked", "require"].contains(rest.dropFirst(2).first!)
            && words[..<which].contains { passingOn.contains($0) }
    }

    /// Verbs by which one stakeholder passes on another's view ("Jo tells me Augusto wants…").
    private static let passingOn: Set<String> = ["tells", "told", "says", "said", "mentioned", "hears", "heard", "reports", "reported",
                                                 "passed", "passes"]

    /// Verbs a task opens with: "confirm …", "send …", a name before them is whom it is given to.
    /// Words that open a sentence before "to" without naming anyone: "Willing to share…", "Happy to…".
    static let openingAdjectives: Set<String> = ["willing", "happy", "able", "unable", "ready", "keen", "glad", "prepared", "likely", "unlikely",
                                                 "going", "need", "needs", "want", "wants", "have", "has", "had", "open", "inclined", "set",
                                                 "due", "hoping", "planning", "pleased", "eager", "reluctant", "okay", "ok", "fine", "agreed"]
    static let taskVerbs: Set<String> = ["confirm", "send", "check", "share", "schedule", "circulate", "draft", "book", "follow", "chase",
                                         "loop", "ping", "arrange", "prepare", "review", "revisit", "validate", "verify", "update", "gather",
                                         "collect", "compile", "finalise", "finalize", "investigate", "email", "contact", "request", "obtain",
                                         "coordinate", "get", "write", "ask"]

    /// "Struan -- confirm interface engine capacity for the HL7 feeds", "C. Ravenhill to confirm 7
    /// East pilot dates": a task, given to someone or taken on, which holds no view.
    func isTask(_ tokens: [NoteToken], names: [NotePeople.Mention]) -> Bool {
        var index = 0
        if let name = names.first(where: { $0.first == 0 }) {
            index = name.last + 1
        } else {
            // "Tobin to send the hybrid reference architecture to Amélie": someone outside the group
            // given a task.
            // (Not "Willing to share data offsite", "Happy to confirm HITRUST is required".)
            var at = 0
            while at < min(2, tokens.count), tokens[at].isWord, tokens[at].startsUppercase, !Self.openingAdjectives.contains(tokens[at].folded) { at += 1 }
            if at > 0, at + 1 < tokens.count, tokens[at].folded == "to" { index = at }
        }
        while index < tokens.count, tokens[index].kind == .mark { index += 1 }
        guard index < tokens.count else { return false }
        if tokens[index].folded == "to", index + 1 < tokens.count, index > 0 { index += 1 }
        // (The verbs added for minutes' action owners — "review", "update", "get" — only after a name or
        // "to": not "Update: Dana now wants hybrid", "Get me payback under 18 months and…".)
        // (A name already taken off the line leaves "review the multi-year terms" in lower case.)
        if index == 0, Self.ownedTaskVerbs.contains(tokens[index].folded),
           tokens[index].startsUppercase || (index + 1 < tokens.count && (tokens[index + 1].isMark(":") || ["me", "us"].contains(tokens[index + 1].folded))) {
            return false
        }
        // ("- Dana: ask is a three-year term with a 3% cap": the noun.)
        if index + 1 < tokens.count, ["is", "was", "=", ":"].contains(tokens[index + 1].folded) || tokens[index + 1].isMark(":") { return false }
        return Self.taskVerbs.contains(tokens[index].folded) && (index == 0 || tokens[index].text.first?.isLowercase == true)
    }
    private static let ownedTaskVerbs: Set<String> = ["review", "revisit", "validate", "verify", "update", "gather", "collect", "compile", "finalise",
                                                      "finalize", "investigate", "email", "contact", "request", "obtain", "coordinate", "get",
                                                      "write", "ask"]

    /// "Then I'll send the three-year term for signature on Friday", in a buyer's words: a document
    /// the speaker will send, which holds no view. (Not "I'll send over our must-haves: HITRUST, …"
    /// nor "We'll follow a phased rollout"; the seller's own "I'll send the TCO model" is the
    /// seller's words, reported as such.)
    static func takesOnSending(_ tokens: [NoteToken]) -> Bool {
        let words = tokens.filter { $0.kind != .mark }.map(\.folded).drop { ["then", "so", "and", "ok", "okay", "right"].contains($0) }
        guard let will = words.first, ["i'll", "we'll"].contains(will), let verb = words.dropFirst().first else { return false }
        return ["send", "share", "circulate", "forward"].contains(verb) && !tokens.contains(where: { $0.isMark(":") })
            && !words.contains(where: { ["must-haves", "requirements", "needs", "position", "view"].contains($0) })
    }

    /// Words that lead into a statement without being its subject.
    private static let leadIns: Set<String> = ["but", "and", "so", "though", "also", "anyway", "honestly", "frankly", "for", "the", "record",
                                               "fwiw", "btw"]

    /// Departments a stakeholder speaks for in the first person ("Legal's position", "Finance's number").
    private static let departments: Set<String> = ["legal", "finance", "it", "ops", "operations", "nursing", "security", "procurement",
                                                   "clinical", "hr", "compliance", "pharmacy", "informatics", "facilities"]

    // MARK: - Positions and figures

    private static let negators: Set<String> = ["not", "no", "never", "than", "instead", "against", "without", "dropped", "drop", "drops",
                                                "dropping", "scrapping", "scrapped", "ditching", "ditched",
                                                "withdrew", "withdrawn", "withdraws",
                                                "ruled", "nor", "neither", "nothing", "avoid", "skip", "dont", "doesnt", "wont", "isnt",
                                                "cant", "didnt", "wouldnt", "shouldnt", "arent", "hasnt", "havent", "nobody"]
    private static let negatorsAfter: Set<String> = ["not", "waste", "overkill", "non-starter", "nonstarter", "dont", "doesnt", "wont", "isnt",
                                                     "cant", "didnt", "wouldnt", "arent", "alone",
                                                     // "HL7 is a fallback I'd rather not use": acceptable at most, not wanted.
                                                     "fallback",
                                                     // "The Epic module's dead, by the way".
                                                     "dead",
                                                     // "Epic-native would be lovely": welcome, not required.
                                                     "lovely",
                                                     // "HITRUST nice to have, not a dealbreaker": welcome, not held as required.
                                                     "nice", "optional"]
    private static let clauseMarks: Set<String> = [",", ";", ":", "(", ")", "—", "–"]

    /// The words of `range`, folded, without marks.
    static func words(of range: Range<Int>, in tokens: [NoteToken]) -> [String] {
        range.filter { tokens[$0].kind != .mark }.map { tokens[$0].folded }
    }

    /// The tokens of the comma- or semicolon-delimited part of the statement around `index`.
    static func clause(around index: Int, in tokens: [NoteToken]) -> Range<Int> {
        var start = min(max(index, 0), tokens.count)
        while start > 0, !(tokens[start - 1].kind == .mark && clauseMarks.contains(tokens[start - 1].text)) { start -= 1 }
        var end = min(max(index, 0), tokens.count)
        while end < tokens.count, !(tokens[end].kind == .mark && clauseMarks.contains(tokens[end].text)) { end += 1 }
        return start..<end
    }

    /// "with the pilot", "after the pilot": the position is named as a thing, not held as a view.
    /// "Having seen the pilot plan, thirty-four.": what an opening "having …" clause names is what
    /// the speaker went by, not a view.
    static func isInOpeningHavingClause(_ mention: TopicPhrases.Mention, in tokens: [NoteToken]) -> Bool {
        guard let first = tokens.firstIndex(where: \.isWord), tokens[first].folded == "having",
              let comma = tokens.firstIndex(where: { $0.isMark(",") }) else { return false }
        return mention.first > first && mention.last < comma
    }

    static func isContext(_ mention: TopicPhrases.Mention, in tokens: [NoteToken]) -> Bool {
        // "the HITRUST question", "the on-prem discussion": the subject talked about, not a view
        // (whoever is fine with it: "Lee's fine with the hybrid meeting").
        let next = tokens[(mention.last + 1)...].first { $0.kind != .mark }?.folded ?? ""
        if subjectNouns.contains(next) { return true }
        // "see how the pilot goes": what will come of it, not a call for it.
        let two = tokens[..<max(0, mention.first)].filter(\.isWord).suffix(2).map(\.folded)
        if two == ["how", "the"], ["goes", "went", "works", "worked", "lands", "landed", "turns", "pans", "performs"].contains(next) { return true }
        // "The Epic module quote was $1.6M": what an option costs, right after it, is no choice of it
        // (not "three-year term, price capped", "annual pricing").
        // (Only with what it came to after it: not "move forward with the three-year quote".)
        if mention.last + 1 < tokens.count, ["quote", "quotes", "bid", "bids"].contains(tokens[mention.last + 1].folded),
           tokens[(mention.last + 2)...].prefix(3).contains(where: { $0.isNumber || ["was", "is", "came", "comes", "at", "of"].contains($0.folded) }) {
            return true
        }
        // "Pilot length: 6 weeks vs 8": how long, not whether (right after it: not "a pilot, duration six weeks").
        if mention.last + 1 < tokens.count, ["length", "lengths", "duration"].contains(tokens[mention.last + 1].folded) { return true }
        if isInOpeningHavingClause(mention, in: tokens) { return true }
        let before = tokens[..<max(0, mention.first)].filter { $0.kind != .mark }.suffix(7).map(\.folded)
        let words = Array(before.suffix(2))
        // "the last homegrown scheduler cost them two years", "their old on-prem install": something
        // that was, not a view of what should be.
        if words.count == 2, ["the", "our", "their", "his", "her", "my"].contains(words[0]), ["last", "old", "previous", "former"].contains(words[1]) {
            return true
        }
        if words.count == 2 && words[1] == "the" && contextPrepositions.contains(words[0]) {
            let prior = before.dropLast(2)
            // "I'm fine with the three-year term", "happy to go with the pilot": accepted, not context.
            // (Right before "with", no mark between, and not "16 weeks to go live, with the pilot".)
            let rawBeforeWith = tokens[..<max(0, mention.first)].filter { $0.kind != .mark || $0.isMark(",") }.dropLast(2).last?.folded
            if words[0] == "with", let last = prior.last, acceptingBeforeWith.contains(last), rawBeforeWith == last,
               !(last == "live" && prior.dropLast().last.map { ["go", "goes", "going", "went"].contains($0) } == true) {
                return false
            }
            // "I'd still push for the three-year term", "she's arguing for the pilot": asked for, not context.
            if words[0] == "for", let last = prior.last, ["push", "pushes", "pushed", "pushing", "argue", "argues", "argued", "arguing",
                                                          "vote", "votes", "voted", "voting", "opt", "opts", "opted", "lobby", "lobbies",
                                                          "lobbied", "lobbying", "advocate", "advocates", "advocating"].contains(last) {
                return false
            }
            // "Soledad sided with Imelda on the pilot", "Fintan is with Delphine M. on the pilot": the
            // position someone takes another's side on.
            // ("is firmly with Rosamund on the pilot": a word of degree between.)
            if words[0] == "on", let with = prior.lastIndex(of: "with"), with > prior.startIndex,
               endorsingDone.contains(prior[with - 1]) || ["is", "'s", "am", "are", "i'm"].contains(prior[with - 1])
                || (with - 1 > prior.startIndex && sideDegrees.contains(prior[with - 1])
                    && ["is", "'s", "am", "are", "i'm", "much"].contains(prior[with - 2])) {
                return false
            }
            return true
        }
        return false
    }

    /// Words before "with the …" that accept what follows: "fine with the three-year term".
    private static let acceptingBeforeWith: Set<String> = ["fine", "ok", "okay", "happy", "comfortable", "live", "go", "going", "stick",
                                                           "sticking", "content", "board", "agree", "agreed", "agrees"]

    /// "has our HITRUST r2 letter", "received our SOC 2 report": the seller's paper in someone's hands.
    static func isSellersOwn(_ mention: TopicPhrases.Mention, in tokens: [NoteToken]) -> Bool {
        let words = tokens[..<max(0, mention.first)].filter(\.isWord).suffix(2).map(\.folded)
        return words.count == 2 && words[1] == "our" && ["has", "have", "had", "got", "received", "reviewed"].contains(words[0])
    }

    /// Nouns after a position that make it the subject of talk rather than someone's view.
    private static let subjectNouns: Set<String> = ["question", "questions", "topic", "discussion", "conversation", "debate", "issue",
                                                   "piece", "angle",
                                                   // "the TCO on an annual basis": a way of counting, not a contract term.
                                                   "basis",
                                                   // "annual pen test is a must", "the annual budget", "a hybrid meeting":
                                                   // the word describes something else.
                                                   "pen", "test", "tests", "testing", "budget", "budgets", "leave", "meeting",
                                                   "meetings", "survey", "escalator", "uplift", "increase", "increases", "fee", "fees",
                                                   "spend",
                                                   // "annual invoicing in advance works for us": how it is billed, not the term.
                                                   "invoicing", "invoice", "invoices", "billing", "payment", "payments"]

    /// Words that turn a position away after "alone": "… alone have been rejected twice".
    private static let rejections: Set<String> = ["rejected", "refused", "insufficient", "inadequate", "failed", "fails"]

    /// "won't budge on self-hosted", "won't back down on": a denial that holds the position.
    private static let holdingAfterDenial: Set<String> = ["budge", "move", "back", "give", "bend", "budging", "moving", "backing",
                                                          "giving", "bending",
                                                          // "hasn't moved off on-prem", "hasn't budged from a 3-year term".
                                                          "moved", "budged", "shifted",
                                                          // "I've no objection to SaaS", "no problem with phased": accepted.
                                                          "objection", "objections", "problem", "problems", "issue", "issues",
                                                          "qualms"]

    private static func isNegation(_ word: String) -> Bool {
        word.hasSuffix("n't") || word.hasSuffix("nt") && negators.contains(word) || negators.contains(word)
    }

    /// A position named in a part of the statement that denies it: "not a pilot", "doesn't want a
    /// big-bang go-live", "rather than build", "SOC 2 alone won't get through".
    private func isNegated(_ mention: TopicPhrases.Mention, among others: [TopicPhrases.Mention], in tokens: [NoteToken]) -> Bool {
        var look = mention.first - 1
        var seen = 0
        // "dropped on-prem and moved to hybrid": a denial before another position, across an "and"
        // that opens a verb of its own, is that position's, not this one's.
        var joined = false
        while look >= 0, seen < 8 {
            let token = tokens[look]
            if joined, others.contains(where: { $0.last == look }) { break }
            if token.kind == .mark {
                if Self.clauseMarks.contains(token.text) { break }
            } else {
                if token.folded == "but" { break }
                if ["and", "then"].contains(token.folded), !others.contains(where: { $0.first == look + 1 }) { joined = true }
                // "has zero interest in a homegrown tool", "little appetite for a big bang".
                // (Only the position right after it, and not "a little interest".)
                if ["zero", "little"].contains(token.folded), look + 1 < tokens.count,
                   ["interest", "appetite", "patience", "tolerance"].contains(tokens[look + 1].folded),
                   mention.first - look <= 5, !(look > 0 && tokens[look - 1].folded == "a") {
                    return true
                }
                if Self.isNegation(token.folded) {
                    let next = look + 1 < tokens.count ? tokens[look + 1].folded : ""
                    // ("is dead against it and wants a pilot", "has dropped that and now says…": the denial
                    // is of what "it" stands for, and the verb after "and" holds this position.)
                    if joined, ["it", "that", "this", "them"].contains(next) { break }
                    // ("has told me more than once that SOC 2 Type II will do": a count, not a denial.)
                    if !Self.holdingAfterDenial.contains(next), !(token.folded == "than" && ["once", "twice", "ever"].contains(next)) { return true }
                }
                seen += 1
            }
            look -= 1
        }
        look = mention.last + 1
        seen = 0
        // "Epic-native, no.": a position answered with a no.
        if look + 1 < tokens.count, tokens[look].isMark(","), ["no", "nope"].contains(tokens[look + 1].folded),
           tokens[(look + 2)...].allSatisfy({ $0.kind == .mark }) {
            return true
        }
        while look < tokens.count, seen < 3 {
            let token = tokens[look]
            if token.kind == .mark {
                if Self.clauseMarks.contains(token.text) || token.text == "." { break }
            } else {
                let word = token.folded
                // "a big bang so nights aren't split across two systems": the purpose or reason after
                // the position denies something else.
                if ["so", "because", "cos", "since"].contains(word) { break }
                // "SOC 2 alone won't…", "SOC 2 reports alone have been rejected": not enough on its own.
                if word == "alone", tokens[(look + 1)...].prefix(4).contains(where: { Self.isNegation($0.folded) || Self.rejections.contains($0.folded) }) {
                    return true
                }
                // "SOC 2 by itself will not clear his review": the same as "alone".
                if word == "by", look + 1 < tokens.count, ["itself", "themselves"].contains(tokens[look + 1].folded),
                   tokens[(look + 2)...].prefix(4).contains(where: { Self.isNegation($0.folded) || Self.rejections.contains($0.folded) }) {
                    return true
                }
                // "A SOC 2 report on its own won't…": read "on its own" as "alone".
                if word == "on", look + 2 < tokens.count, ["its", "their"].contains(tokens[look + 1].folded), tokens[look + 2].folded == "own" {
                    look += 3
                    continue
                }
                // "Epic-native or he won't support it": an ultimatum holds the position.
                if word == "or", look + 1 < tokens.count, Self.firstPerson.contains(tokens[look + 1].folded) || Self.thirdPerson.contains(tokens[look + 1].folded)
                    || ["i", "he", "she", "they", "you"].contains(tokens[look + 1].folded) {
                    return false
                }
                // "buy a platform not extend Epic": the other position is the one denied.
                if ["not", "never"].contains(word), others.contains(where: { $0.first > look && $0.first <= look + 3 }) { return false }
                // "extending our Epic module was never going to give us self-scheduling" (not "so PHI
                // never leaves the building", "was never negotiable").
                if word == "never", look > 0, ["was", "is", "'s", "were", "will", "would"].contains(tokens[look - 1].folded),
                   look + 1 < tokens.count, ["going", "gonna", "work", "happen", "fly", "realistic"].contains(tokens[look + 1].folded) {
                    return true
                }
                // ("…HITRUST and that hasn't changed": the view standing, not denied.)
                if word != "alone", word.hasSuffix("n't") || Self.negatorsAfter.contains(word),
                   !(look + 1 < tokens.count && ["changed", "moved", "shifted", "budged", "wavered", "gone", "altered"].contains(tokens[look + 1].folded)) {
                    return true
                }
                // "SOC 2 on its own is a non-starter" ("non-starter" is written in three tokens).
                if word == "non", tokens[(look + 1)...].first(where: \.isWord)?.folded == "starter" { return true }
                seen += 1
            }
            look += 1
        }
        return false
    }

    private enum FigureChoice {
        case value(Double, Int)
        case problem(SkipReason)
    }

    /// The figure a number topic is given in the statement, converted to the topic's unit.
    private func figure(for topic: Topic, mentions: [TopicPhrases.Mention], figures: [NoteFigure], used: Set<Int>, tokens: [NoteToken]) -> FigureChoice {
        guard case let .number(unit, _) = topic.kind else { return .problem(.noFigure) }
        var candidates: [(index: Int, figure: NoteFigure, value: Double)] = []
        var otherUnit = false
        for (index, figure) in figures.enumerated() where !figure.negated && !used.contains(index) {
            switch Self.convert(figure, to: unit) {
            case let .some(.some(value)):
                let millions = Self.inMillions(figure, value: value, unit: unit, tokens: tokens)
                // ("The vendor scored 4.2 on TCO": a bare number under a thousand is no sum of money anyone means.)
                if millions == nil, case .bare = figure.unit, ["usd", "eur", "gbp"].contains(unit?.lowercased() ?? ""), value < 1000 { continue }
                candidates.append((index, figure, millions ?? value))
            case .some(.none): otherUnit = true
            case .none: break
            }
        }
        guard !candidates.isEmpty else { return .problem(otherUnit ? .otherUnit : .noFigure) }
        // "I said ten at the working session, I'm nudging that to 12 percent": a figure written with
        // its unit says more than a bare number beside it.
        // (A bare decimal read as millions, "capped at one point oh five, so we're eleven thousand apart",
        // is a sum like any other.)
        // (Said in words only: "the three-year cost at 1.32, we need $1.2M" keeps the $1.2M.)
        func written(_ candidate: (index: Int, figure: NoteFigure, value: Double)) -> Bool {
            if case .bare = candidate.figure.unit { return candidate.value != candidate.figure.value && tokens[candidate.figure.first].isWord }
            return true
        }
        if candidates.contains(where: written) {
            candidates.removeAll { !written($0) }
        }
        let anchor = mentions.map(\.first).min() ?? 0
        let after = candidates.first { $0.figure.first > anchor }
        var pick = after ?? candidates.last!
        // "Torquil also said 270 days to go-live, which is his nine months again": the figure that leads
        // into its topic ("… to go-live") is the one said, the one after it an aside.
        // (Only when what follows is an aside about it, ", which is …": not "adds 6 weeks to go-live, so Lee's now
        // at 34 weeks", where the later figure is the total.)
        if let leading = candidates.first(where: { candidate in
            candidate.figure.last + 2 == anchor && tokens[candidate.figure.last + 1].folded == "to"
        }), pick.figure.first > anchor,
           tokens[(anchor + 1)..<pick.figure.first].contains(where: { ["which", "i.e", "ie", "("].contains($0.folded) || $0.isMark("(") }),
           !tokens[..<leading.figure.first].suffix(3).contains(where: { ["add", "adds", "added", "another", "extra", "more", "plus"].contains($0.folded) }) {
            pick = leading
        }
        func preceded(_ candidate: (index: Int, figure: NoteFigure, value: Double), by words: [String]) -> Bool {
            let start = candidate.figure.first - words.count
            return start >= 0 && words.indices.allSatisfy { tokens[start + $0].folded == words[$0] }
        }
        // "ten to twelve, call it eleven": the figure settled on, right after the one it settles
        // (not "Go-live thirty weeks, payback call it two years", another topic's).
        if let settled = candidates.last(where: { preceded($0, by: ["call", "it"]) }),
           let before = candidates.last(where: { $0.figure.last < settled.figure.first - 2 }), before.figure.first >= anchor,
           tokens[(before.figure.last + 1)..<(settled.figure.first - 2)].allSatisfy({ !$0.isWord || ["so", "or", "say", "maybe"].contains($0.folded) }) {
            pick = settled
        } else if preceded(pick, by: ["from"]), pick.figure.first >= 2,
                  // "I've moved from six months to thirty weeks": where the move ended (not "anywhere
                  // from six months to a year", a range).
                  tokens[..<(pick.figure.first - 1)].filter(\.isWord).suffix(2).contains(where: { Self.movingVerbs.contains($0.folded) }),
                  let to = candidates.first(where: { $0.figure.first > pick.figure.last && preceded($0, by: ["to"]) }),
                  tokens[(pick.figure.last + 1)..<(to.figure.first - 1)].allSatisfy({ !$0.isWord }) {
            pick = to
        }
        // "3yr cost under a million, her target is $980k": a target said after a bound is the figure
        // the holder is aiming at.
        // (The holder's own target — "her target", "the target" — for the same thing: not "our target",
        // nor "a goal of 12 weeks for the pilot".)
        if tokens[max(0, pick.figure.first - 2)..<pick.figure.first].contains(where: { Self.boundWords.contains($0.folded) }),
           let target = candidates.first(where: { candidate in
               guard candidate.figure.first > pick.figure.last,
                     let word = tokens[max(pick.figure.last + 1, candidate.figure.first - 3)..<candidate.figure.first]
                         .lastIndex(where: { Self.targetWords.contains($0.folded) }),
                     word > 0, ["her", "his", "the", "my"].contains(tokens[word - 1].folded) else { return false }
               let after = tokens[(candidate.figure.last + 1)...].first(where: \.isWord)?.folded
               return !["for", "on", "in"].contains(after ?? "")
           }) {
            pick = target
        }
        // A figure no store would take (beyond 10^15, a negative cost, 150% of overtime) is no claim.
        guard NumberText.isAcceptable(pick.value), FigureUnit.problem(pick.value, unit: unit) == nil else { return .problem(.noFigure) }
        return .value((pick.value * 10_000).rounded() / 10_000, pick.index)
    }

    /// "we get the TCO to 1.15", "I'll settle at 1.3": a bare sum with decimals after a word that sets
    /// one, on a money topic, said in millions (not "scored 4.2 on TCO", "TCO model 2.1", "up 2.5").
    static func inMillions(_ figure: NoteFigure, value: Double, unit: String?, tokens: [NoteToken]) -> Double? {
        guard case .bare = figure.unit, ["usd", "eur", "gbp"].contains(unit?.lowercased() ?? ""), value < 20, value != value.rounded(),
              figure.first > 0 || tokens[figure.first].isWord else { return nil }
        let before = tokens[..<figure.first].last(where: \.isWord)?.folded ?? ""
        // ("One point three on the TCO", "still one point two five": said in words, a sum of dollars
        // that small is never meant.)
        // (Not a score: "I'd give them a three point five on TCO", "scored four point two".)
        guard ["to", "at", "is", "about", "around", "nearer", "near", "under", "max", "ceiling", "cap", "of", "settle", "be"].contains(before)
            || tokens[figure.first].isWord && !["a", "give", "gave", "giving", "score", "scored", "scores", "rate", "rated", "rating"].contains(before)
                && !tokens[(figure.last + 1)...].prefix(2).map(\.folded).elementsEqual(["out", "of"])
        else { return nil }
        return value * 1_000_000
    }

    /// Verbs of a figure moved: "moved from six months to thirty weeks", "came down from 15 to 12".
    static let movingVerbs: Set<String> = ["moved", "moving", "move", "gone", "went", "pushed", "revised", "changed", "shifted", "come",
                                           "came", "dropped", "slipped", "down", "up", "raised", "lowered", "cut"]

    /// The figure in the topic's unit: `nil` when the figure is about something else (a percentage
    /// on a money topic), `.some(nil)` when it is in a unit the topic cannot convert (€ on USD).
    static func convert(_ figure: NoteFigure, to unit: String?) -> Double?? {
        let target = unit?.lowercased() ?? ""
        let currencies = ["usd", "eur", "gbp"]
        switch figure.unit {
        case .count: return nil
        case .bare:
            if target == "percent" || target == "%" { return figure.value <= 100 ? .some(figure.value) : nil }
            return .some(figure.value)
        case let .money(code):
            guard currencies.contains(target) else { return nil }
            guard let code else { return .some(figure.value) }
            return code.lowercased() == target ? .some(figure.value) : .some(nil)
        case .percent:
            return target == "percent" || target == "%" ? .some(figure.value) : nil
        case let .time(name):
            guard FigureUnit.timeUnit(target) != nil else { return nil }
            return .some(FigureUnit.convert(figure.value, from: name, to: target))
        case let .other(name):
            if NoteText.fold(name) == NoteText.fold(target) { return .some(figure.value) }
            // "$417K a year" on a three-year cost: money, in a unit the topic does not take.
            if name == NoteFigure.perPeriod { return currencies.contains(target) ? .some(nil) : nil }
            return FigureUnit.timeUnit(target) != nil ? .some(nil) : nil
        }
    }

    // MARK: - Helpers

    static func contains(_ words: [String], _ sequence: [String]) -> Bool {
        guard !sequence.isEmpty, words.count >= sequence.count else { return false }
        for start in 0...(words.count - sequence.count) where words[start] == sequence[0] {
            if Array(words[start..<(start + sequence.count)]) == sequence { return true }
        }
        return false
    }

    static func unique<T: Hashable>(_ values: [T]) -> [T] {
        var seen = Set<T>()
        return values.filter { seen.insert($0).inserted }
    }
}

import Foundation
