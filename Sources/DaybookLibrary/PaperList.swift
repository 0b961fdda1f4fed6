import DaybookContent

/// A library's papers, each in a shared box: copying the list (the preview patches a library
/// on every edit) copies one reference per paper instead of every field of every paper.
public struct PaperList: RandomAccessCollection, Sendable, Equatable {
    final class Box: Sendable {
        let paper: Paper
        init(_ paper: Paper) { self.paper = paper }
    }

    private var boxes: [Box]

    public init(_ papers: some Sequence<Paper>) {
        boxes = papers.map(Box.init)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { boxes.count }

    public subscript(position: Int) -> Paper {
        get { boxes[position].paper }
        set { boxes[position] = Box(newValue) }
    }

    public static func == (a: PaperList, b: PaperList) -> Bool {
        a.boxes.count == b.boxes.count && zip(a.boxes, b.boxes).allSatisfy { $0 === $1 || $0.paper == $1.paper }
    }
}
