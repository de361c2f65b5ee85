/// What `briefing --version` prints; raised with each release.
public enum BriefingVersion {
    public static let current = "0.30.0"
}
