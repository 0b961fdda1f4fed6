/// The deploy part of `daybook.yml`: the output folder and the named targets, in file order.
public struct DeployConfig: Sendable, Hashable {
    /// `output:` (the built site folder), when given.
    public var output: String?
    public var targets: [DeployTarget]

    public init(output: String? = nil, targets: [DeployTarget] = []) {
        self.output = output
        self.targets = targets
    }

    /// The target called `name`, or with no name the first one.
    public func target(named name: String?) -> DeployTarget? {
        guard let name else { return targets.first }
        return targets.first { $0.name == name }
    }
}
