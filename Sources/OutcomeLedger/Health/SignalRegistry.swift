/// Every health signal, in the order pages and reports list an outcome's signals of the
/// same level. A test fails when a signal file is missing from here.
public enum SignalRegistry {
    public static let all: [any HealthSignal.Type] = [
        ReportedSignal.self,
        PastDueSignal.self,
        BehindSignal.self,
        ReviewOverdueSignal.self,
        LensGapSignal.self,
        BlockedSignal.self,
        OwnerOverloadedSignal.self,
        StaleSignal.self,
        ChildOffTrackSignal.self,
    ]

    public static var names: [String] { all.map { $0.name } }

    public static func signal(named name: String) -> (any HealthSignal.Type)? {
        all.first { $0.name == name }
    }
}
