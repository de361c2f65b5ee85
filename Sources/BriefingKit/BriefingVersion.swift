/// What `briefing --version` prints; raised with each release.
public enum BriefingVersion {
    public static let current = "0.31.0"
}
