/// The version of Daybook: printed by `daybook --version`, named in the feeds' generator tags and
/// in the User-Agent of network requests. Raise it with every release.
public enum DaybookVersion {
    public static let current = "0.4.0"
    /// `Daybook/0.4.0`, as a product token for User-Agent headers and generator tags.
    public static let product = "Daybook/\(current)"
}
