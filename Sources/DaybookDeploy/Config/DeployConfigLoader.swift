import DaybookContent
import DaybookSystem
import Yams

/// Reads `output:` and `deploy:` from `daybook.yml`; other keys belong to the site builder.
///
/// ```yaml
/// deploy:
///   production:                 # S3-compatible: bucket given
///     bucket: daybook-site
///     region: eu-west-1
///     prefix: papers/
///     endpoint: https://…       # optional: R2, MinIO, …
///     path_style: true          # optional
///     profile: daybook          # optional: a section of ~/.aws/credentials
///     max_deletes: 500          # optional, default 256
///     concurrency: 16           # optional, default 8
///     cache_control:            # optional: glob → value, first match wins
///       "assets/**": "public, max-age=31536000, immutable"
///       "**/*.html": "public, max-age=300"
///   mirror:                     # a folder: path given
///     path: /var/www/papers
/// ```
/// Every problem is reported with its position: `daybook.yml:7:5: deploy target 'production': …`.
public struct DeployConfigLoader: Sendable {
    public init() {}

    /// A missing file is an empty config.
    public func load(path: String) throws(ContentError) -> DeployConfig {
        guard !FileIO.isMissing(path) else { return DeployConfig() }
        guard let bytes = FileIO.read(path), let text = String(validating: bytes, as: UTF8.self) else {
            throw ContentError([Diagnostic(path: path, message: "cannot read the file")])
        }
        return try parse(text, path: path)
    }

    public func parse(_ text: String, path: String) throws(ContentError) -> DeployConfig {
        let root = try YAMLFieldReader.compose(text, path: path, firstLine: 1, wording: .brief)
        var reader = YAMLFieldReader(path: path, firstLine: 1)
        var config = DeployConfig()
        guard let root, let mapping = root.mapping else { return config }
        for (key, value) in mapping {
            switch key.string {
            case "output":
                config.output = reader.string(value, field: "output", context: nil)
            case "deploy":
                config.targets = reader.targets(value)
            default:
                continue
            }
        }
        if !reader.diagnostics.isEmpty { throw ContentError(reader.diagnostics) }
        return config
    }
}

private let s3Keys: Set<String> = ["bucket", "region", "prefix", "endpoint", "path_style", "profile"]
private let commonKeys: Set<String> = ["type", "max_deletes", "concurrency", "cache_control"]

/// The deploy settings, read with the content's reader (every problem collected, each positioned).
private extension YAMLFieldReader {
    mutating func fail(_ node: Node, _ message: String) {
        fail(message, at: node)
    }

    mutating func targets(_ node: Node) -> [DeployTarget] {
        guard let mapping = node.mapping else {
            if node.scalar?.string.isEmpty == false { fail(node, "'deploy' must be a mapping of target names to settings") }
            return []
        }
        var targets: [DeployTarget] = []
        for (key, value) in mapping {
            guard let name = key.string, !name.isEmpty else {
                fail(key, "a deploy target needs a name")
                continue
            }
            if let target = target(named: name, value) { targets.append(target) }
        }
        return targets
    }

    mutating func target(named name: String, _ node: Node) -> DeployTarget? {
        let context = "deploy target '\(name)'"
        guard let mapping = node.mapping else {
            fail(node, "\(context): must be a mapping of settings (bucket: …, or path: …)")
            return nil
        }
        var fields: [String: Node] = [:]
        var keyNodes: [String: Node] = [:]
        for (key, value) in mapping {
            let field = key.string ?? ""
            fields[field] = value
            keyNodes[field] = key
        }
        var type = fields["type"].flatMap { string($0, field: "type", context: context) }
        if type == nil { type = fields["bucket"] != nil ? "s3" : fields["path"] != nil ? "directory" : nil }
        let allowed: Set<String>
        switch type {
        case "s3": allowed = commonKeys.union(s3Keys)
        case "directory": allowed = commonKeys.union(["path"])
        case nil:
            fail(node, "\(context): give 'bucket' (S3-compatible storage) or 'path' (a folder)")
            return nil
        case let other?:
            fail(fields["type"] ?? node, "\(context): 'type' must be s3 or directory, got \"\(other)\"")
            return nil
        }
        for (field, key) in keyNodes.sorted(by: { $0.key < $1.key }) where !allowed.contains(field) {
            fail(key, "\(context): unknown key '\(field)' (known: \(allowed.sorted().joined(separator: ", ")))")
        }

        let kind: DeployTarget.Kind
        if type == "s3" {
            guard let bucketNode = fields["bucket"] else {
                fail(node, "\(context): 'bucket' is required")
                return nil
            }
            guard let bucket = string(bucketNode, field: "bucket", context: context) else { return nil }
            if !S3Location.isValidBucketName(bucket) {
                fail(bucketNode, "\(context): 'bucket' must be a valid bucket name (3–63 characters: a–z, 0–9, '.', '-'), got \"\(bucket)\"")
            }
            let endpoint = fields["endpoint"].flatMap { string($0, field: "endpoint", context: context) }
            if let endpoint, let endpointNode = fields["endpoint"], !(endpoint.hasPrefix("http://") || endpoint.hasPrefix("https://")) {
                fail(endpointNode, "\(context): 'endpoint' must start with http:// or https://, got \"\(endpoint)\"")
            }
            kind = .s3(.init(endpoint: endpoint,
                             region: fields["region"].flatMap { string($0, field: "region", context: context) } ?? "us-east-1",
                             bucket: bucket,
                             prefix: fields["prefix"].flatMap { string($0, field: "prefix", context: context) } ?? "",
                             pathStyle: fields["path_style"].flatMap { bool($0, field: "path_style", context: context) } ?? false,
                             profile: fields["profile"].flatMap { string($0, field: "profile", context: context) }))
        } else {
            guard let pathNode = fields["path"] else {
                fail(node, "\(context): 'path' is required")
                return nil
            }
            guard let folder = string(pathNode, field: "path", context: context) else { return nil }
            guard !folder.isEmpty else {
                fail(pathNode, "\(context): 'path' must not be empty")
                return nil
            }
            kind = .directory(path: folder)
        }
        return DeployTarget(
            name: name, kind: kind,
            maxDeletes: fields["max_deletes"].flatMap { count($0, field: "max_deletes", context: context, minimum: 0) },
            concurrency: fields["concurrency"].flatMap { count($0, field: "concurrency", context: context, minimum: 1) },
            cacheControl: fields["cache_control"].flatMap { cacheRules($0, context: context) })
    }

    mutating func string(_ node: Node, field: String, context: String?) -> String? {
        guard let scalar = node.scalar else {
            fail(node, (context.map { "\($0): " } ?? "") + "'\(field)' must be a string")
            return nil
        }
        return scalar.string
    }

    mutating func bool(_ node: Node, field: String, context: String) -> Bool? {
        guard let value = node.bool else {
            fail(node, "\(context): '\(field)' must be true or false, got \"\(node.scalar?.string ?? "a list or mapping")\"")
            return nil
        }
        return value
    }

    mutating func count(_ node: Node, field: String, context: String, minimum: Int) -> Int? {
        guard let value = node.scalar.flatMap({ Int($0.string) }), value >= minimum else {
            fail(node, "\(context): '\(field)' must be a whole number of at least \(minimum), got \"\(node.scalar?.string ?? "a list or mapping")\"")
            return nil
        }
        return value
    }

    mutating func cacheRules(_ node: Node, context: String) -> CacheControlRules? {
        guard let mapping = node.mapping else {
            fail(node, "\(context): 'cache_control' must be a mapping of globs to Cache-Control values")
            return nil
        }
        var rules: [CacheControlRules.Rule] = []
        for (key, value) in mapping {
            guard let glob = key.string, !glob.isEmpty, let header = value.scalar?.string else {
                fail(value, "\(context): each 'cache_control' entry must be \"glob\": \"value\"")
                continue
            }
            rules.append(.init(glob, header))
        }
        return CacheControlRules(rules)
    }
}
