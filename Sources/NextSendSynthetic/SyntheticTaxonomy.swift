import NextSend

extension DatasetGenerator {
    /// The taxonomy a generated dataset is tagged with when none is given: a generic B2B
    /// vocabulary with the topics buyers typically disagree on, so `nextsend generate` works from
    /// any folder.
    public static let defaultTaxonomySource = """
        # Written by `nextsend generate`: a generic vocabulary for synthetic datasets.
        roles: [executive, finance, it, security, procurement, legal, operations, end-user]
        roleLabels: {it: IT, end-user: end user}
        influence: {decision-maker: 1.0, champion: 0.8, influencer: 0.6, user: 0.4}
        formats: [article, guide, checklist, tool, case-study, comparison, analyst-report, video, webinar, template, faq, deck, demo]
        industries: [healthcare, manufacturing, financial-services, public-sector]
        stallDays: {default: 14, validation: 10}
        topics:
          deployment:
            label: Deployment model
            kind: choice
            positions: [cloud-only, hybrid, on-prem-required]
            compatible: [[cloud-only, hybrid]]
            jobs: [requirements-building, supplier-selection]
          tco:
            label: Three-year total cost of ownership
            kind: number
            unit: USD
            tolerance: 0.2
            jobs: [validation, consensus-creation]
          payback-months:
            label: Payback period
            kind: number
            unit: months
            tolerance: 0.25
            jobs: [validation, consensus-creation]
          implementation-time:
            label: Time to go live
            kind: number
            unit: weeks
            tolerance: 0.25
            jobs: [requirements-building, validation]
          data-residency:
            label: Where data is kept
            kind: choice
            positions: [in-country, any-region]
            jobs: [requirements-building, validation]
          rollout:
            label: Rollout approach
            kind: choice
            positions: [big-bang, phased, pilot-first]
            compatible: [[phased, pilot-first]]
            jobs: [requirements-building, consensus-creation]
          contract-term:
            label: Contract term
            kind: choice
            positions: [annual, multi-year]
            jobs: [supplier-selection, consensus-creation]

        """
}
