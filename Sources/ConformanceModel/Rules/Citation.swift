/// The exact sentence of a vendor document that a hand-written rule encodes.
///
/// A test checks that `sentence` occurs in `document` (white space folded, since PDF text
/// wraps lines), so a citation cannot rot when the documents are updated.
public struct Citation: Codable, Sendable, Hashable {
    /// The document's file name under `specs/<service>/docs/`.
    public var document: String
    /// The section number or heading the sentence sits under.
    public var section: String
    /// The sentence, copied from the document.
    public var sentence: String

    public init(document: String, section: String, sentence: String) {
        self.document = document
        self.section = section
        self.sentence = sentence
    }

    /// The reference findings carry.
    public var reference: DocReference {
        DocReference(document: document, section: section)
    }
}
