/// Every weight, factor and window the matcher scores with, in one place.
///
/// Exact scoring (``Matcher``), the column scorer that gives the same scores from packed columns,
/// and the score bounds of the content-gap check (``CatalogIndex``) all read these values, so a
/// change here moves them together.
///
/// ```swift
/// var policy = ScoringPolicy.standard
/// policy.alreadySent = 0.5   // punish re-sends harder
/// let picks = Matcher.recommend(for: group, diagnosis: diagnosis, index: index, taxonomy: taxonomy,
///                               options: MatchOptions(policy: policy))
/// ```
public struct ScoringPolicy: Sendable, Hashable {
    // MARK: Conflicts: how well an asset settles one

    /// Resolves the conflict for every side of the split; a resolver covering some sides earns this
    /// times the influence share of the sides it covers (``SideCoverage``).
    public var resolvesConflict = 1.0
    /// Resolves the topic but for positions nobody in the split holds.
    public var resolvesOtherPositions = 0.3
    /// Covers the conflict's topic without being made to resolve it.
    public var coversTopic = 0.35
    /// Only works on a buying job where the topic gets decided.
    public var sharesTopicJob = 0.15
    /// Made for one side only: content for one person, sent into a split group, tends to harden the split.
    public var oneSidedAudience = 0.55

    // MARK: Jobs

    /// Built for the job as its primary job.
    public var primaryJob = 1.0
    /// The job is one of its secondary jobs.
    public var secondaryJob = 0.7
    /// Reaching none but one of the people concerned with a job still earns this share of the job
    /// fit; reaching all of them earns the whole (floor + (1 − floor) × share reached).
    public var jobReachFloor = 0.5

    // MARK: Unreached people

    /// Made for the unreached person's role.
    public var reachForRole = 1.0
    /// Made for everyone (shareable, or without roles).
    public var reachForEveryone = 0.6
    /// Works on no open job: less timely than content for a job in progress.
    public var reachOffJob = 0.6
    /// Rep-led content for someone not talking to the rep.
    public var reachRepLed = 0.8
    /// Each further unreached person an asset reaches counts this share of the one before (½, ¼, …),
    /// so a broadcast asset does not outweigh the need really holding the deal.
    public var reachDiminishing = 0.5

    // MARK: Missing voices

    /// Made for the missing role and shareable: the champion can forward it as it is.
    public var voiceShareable = 1.0
    /// Made for the missing role but written for a rep to walk through.
    public var voiceNotShareable = 0.6
    /// Made for the role, but not for the job the voice is missing from.
    public var voiceOffJob = 0.7

    // MARK: Factors (multiplied, each at most 1)

    /// Made for other industries than the group's.
    public var otherIndustry = 0.6
    /// Within ``reviewSoonDays`` of its review date.
    public var dueForReview = 0.9
    /// Sent to this group before (outside the re-send window).
    public var alreadySent = 0.8

    // MARK: Windows and picking

    /// A person who got an asset within this many days does not get it again.
    public var resendWindowDays = 30
    /// After a resolver of a conflict went to people (and was not reported consumed), other
    /// resolvers of that conflict wait this many days for them.
    public var resolverWaitDays = 14
    /// An asset a rep dismissed for a group stays out of its picks for this many days.
    public var dismissalDays = 30
    /// An asset this close to its review date scores ``dueForReview``.
    public var reviewSoonDays = 30
    /// What a served need keeps of its weight after each pick (greedy discounting).
    public var servedNeedDiscount = 0.25
    /// A need whose weighted contribution is below this share of the asset's largest is not listed
    /// among the needs it addresses.
    public var addressedShare = 0.25
    /// A pick scoring below this share of the leading pick's is not worth a rep's attention
    /// ("0.005 beside 0.907"): fewer picks is a fine answer.
    public var thinPickShare = 0.1

    // MARK: Learning from outcomes

    /// The Beta prior of an asset's success rate for a need: as if it had this many successes…
    public var evidencePriorSuccesses = 2.0
    /// …and this many failures before any evidence (a prior mean of one half).
    public var evidencePriorFailures = 2.0
    /// Below this many followed-up sends the evidence factor is 1.
    public var evidenceMinimumSends = 5
    /// The factor moves at most this far from 1 either way (0.3: between 0.7 and 1.3).
    public var evidenceMaxLift = 0.3
    /// How long after a send what follows counts as following it: a send on day D is met when its
    /// conflict closed or its stalled job moved on any day from D through D + this (``TouchFollowUp``).
    public var followUpDays = 14

    public init() {}

    /// The score factor an asset's record earns for a need: the posterior mean of a Beta–Bernoulli
    /// estimate, (successes + a) / (sends + a + b), mapped linearly from the prior's mean to
    /// 1 ± ``evidenceMaxLift``; 1 below ``evidenceMinimumSends``.
    public func evidenceFactor(_ record: OutcomeEvidence.Record) -> Double {
        guard record.sends >= evidenceMinimumSends else { return 1 }
        let prior = evidencePriorSuccesses / (evidencePriorSuccesses + evidencePriorFailures)
        let posterior = (Double(record.successes) + evidencePriorSuccesses)
            / (Double(record.sends) + evidencePriorSuccesses + evidencePriorFailures)
        let lift = (posterior - prior) / max(prior, 1 - prior)
        return 1 + evidenceMaxLift * max(-1, min(1, lift))
    }

    /// The weights NextSend ships with.
    public static let standard = ScoringPolicy()

    // MARK: Derived, shared by exact scoring and bounds

    /// The job fit of an asset for `job`: primary, secondary, or 0.
    func jobFit(_ asset: Asset, _ job: BuyingJob) -> Double {
        asset.primaryJob == job ? primaryJob : asset.jobs.contains(job) ? secondaryJob : 0
    }

    /// The role part of a job fit, from the share of concerned people the asset reaches.
    func jobReach(reached: Int, of concerned: Int) -> Double {
        guard reached > 0, concerned > 0 else { return 0 }
        return jobReachFloor + (1 - jobReachFloor) * Double(reached) / Double(concerned)
    }

    /// Whether lowering a need's weight can only lower a score: every value and factor is at least
    /// 0, a served need keeps between none and all of its weight, and evidence never turns a value
    /// negative. The matcher keeps scores between picks as upper bounds only when this holds
    /// (the shipped policy does); otherwise it scores every asset afresh each round.
    var scoresOnlyFall: Bool {
        let values = [resolvesConflict, resolvesOtherPositions, coversTopic, sharesTopicJob, oneSidedAudience, primaryJob,
                      secondaryJob, jobReachFloor, reachForRole, reachForEveryone, reachOffJob, reachRepLed, reachDiminishing,
                      voiceShareable, voiceNotShareable, voiceOffJob, otherIndustry, dueForReview, alreadySent]
        return values.allSatisfy { $0 >= 0 } && (0...1).contains(servedNeedDiscount) && evidenceMaxLift <= 1
    }

    /// The best fit any asset can have for a conflict: the bound for resolvers.
    var bestConflictFit: Double { max(resolvesConflict, resolvesOtherPositions) }

    /// Upper bound of the unreached-people part of a score, given the sum and the largest of the
    /// single contributions: the diminishing series never exceeds the sum nor largest / (1 − share).
    func reachBound(sum: Double, largest: Double) -> Double {
        reachDiminishing < 1 ? min(sum, largest / (1 - reachDiminishing)) : sum
    }
}
