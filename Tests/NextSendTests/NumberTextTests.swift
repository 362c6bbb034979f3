import Foundation
import NextSend
import NextSendTestSupport
import Testing
import NextSendSynthetic

/// Every number formatter is total: whatever a database holds, printing it never traps.
@Suite struct NumberTextTests {
    static let extremes: [Double] = [
        0, -0.0, 1, -1, 0.005, 0.995, 1.999, 999.995, 1e15, -1e15, 1e15 + 1, 9.99e15, 1e16, 9.2e18, 9.3e18, -9.3e18, 1e19, 1e308,
        -1e308, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNonzeroMagnitude, .leastNormalMagnitude,
        -.leastNonzeroMagnitude, .infinity, -.infinity, .nan, -.nan, .signalingNaN,
    ]

    @Test(arguments: extremes) func everyFormatterAnswersForExtremeValues(value: Double) {
        for text in [NumberText.plain(value), NumberText.grouped(value), NumberText.withUnit(value, unit: "USD"),
                     NumberText.withUnit(value, unit: "percent"), NumberText.withUnit(value, unit: "kW"), NumberText.withUnit(value, unit: nil)] {
            #expect(!text.isEmpty)
            #expect(text.count < 40, "\(value) printed as \(text.count) characters")
        }
    }

    /// Random bit patterns cover every exponent, sign and payload, not only the values above.
    @Test func randomBitPatternsNeverTrap() {
        var generator = SeededGenerator(seed: 48)
        for _ in 0..<20_000 {
            let value = Double(bitPattern: generator.next())
            #expect(!NumberText.grouped(value).isEmpty && !NumberText.plain(value).isEmpty)
        }
    }

    @Test func figuresReadAsPeopleWriteThem() {
        #expect(NumberText.grouped(120_000) == "120,000")
        #expect(NumberText.grouped(1.999) == "2", "rounded to cents before splitting off the whole part")
        #expect(NumberText.grouped(0.25) == "0.25")
        #expect(NumberText.grouped(-1_234_567.5) == "-1,234,567.5")
        #expect(NumberText.grouped(1e15) == "1,000,000,000,000,000")
        #expect(NumberText.grouped(1e308) == "1e+308")
        #expect(NumberText.grouped(.nan) == "NaN")
        #expect(NumberText.plain(120_000) == "120000")
        #expect(NumberText.plain(-0.0) == "0")
        #expect(NumberText.withUnit(-310_000, unit: "USD") == "-$310,000")
        #expect(NumberText.withUnit(800, unit: "kW") == "800 kW", "units as the taxonomy spells them")
        #expect(NumberText.withUnit(25, unit: "percent") == "25%")
    }

    @Test func theLimitOnStoredFigures() {
        #expect(NumberText.isAcceptable(1e15) && NumberText.isAcceptable(-1e15) && NumberText.isAcceptable(0))
        #expect(!NumberText.isAcceptable(1e15.nextUp) && !NumberText.isAcceptable(.infinity) && !NumberText.isAcceptable(.nan))
    }
}

@Suite struct TypedFigureTests {
    @Test(arguments: [
        ("$150k", 150_000.0, "USD"), ("150,000", 150_000, nil), ("1.2M", 1_200_000, nil), ("€2.5 million", 2_500_000, "EUR"),
        ("USD 310,000", 310_000, "USD"), ("310000 USD", 310_000, "USD"), ("25%", 25, "percent"), ("25 percent", 25, "percent"),
        ("-$40k", -40_000, "USD"), ("1,234,567.89", 1_234_567.89, nil), ("150_000", 150_000, nil), ("800 kW", 800, "kW"),
        ("£1bn", 1e9, "GBP"), (" 12 ", 12, nil), (".5", 0.5, nil), ("1e19", 1e19, nil), ("150 000", 150_000, nil),
        ("$1 250 000", 1_250_000, "USD"), ("3 months", 3, "months"),
    ] as [(String, Double, String?)])
    func readsWhatPeopleType(text: String, value: Double, unit: String?) throws {
        let figure = try #require(TypedFigure(text))
        #expect(abs(figure.value - value) < 1e-6)
        #expect(figure.unit == unit)
    }

    @Test(arguments: ["", "about five", "1,5", "12,34", "$", "k", "1.2.3", "$150k €", "USD 5 EUR", "1e309", "nan", "inf", "-infinity", "0x10", "15 00"])
    func refusesWhatItCannotReadSurely(text: String) {
        #expect(TypedFigure(text) == nil, "\(text)")
    }
}

@Suite struct FigureUnitTests {
    @Test func unitsOfTimeConvertAsTheDesignSays() {
        #expect(FigureUnit.convert(3, from: "months", to: "weeks") == 13)
        #expect(FigureUnit.convert(1, from: "year", to: "months") == 12)
        #expect(FigureUnit.convert(14, from: "days", to: "weeks") == 2)
        #expect(FigureUnit.convert(3, from: "months", to: "USD") == nil)
    }

    @Test(arguments: [(-5.0, "USD"), (150, "percent"), (-1, "%"), (-3, "weeks"), (1e9, "weeks"), (121, "months")])
    func figuresNoBuyerHoldsAreRefused(value: Double, unit: String) {
        #expect(FigureUnit.problem(value, unit: unit) != nil, "\(value) \(unit)")
    }

    @Test(arguments: [(0.0, "USD"), (310_000, "USD"), (100, "percent"), (16, "weeks"), (24, "months"), (-5, "kW"), (-5, nil)] as [(Double, String?)])
    func figuresABuyerCanHoldAreKept(value: Double, unit: String?) {
        #expect(FigureUnit.problem(value, unit: unit) == nil)
    }
}
