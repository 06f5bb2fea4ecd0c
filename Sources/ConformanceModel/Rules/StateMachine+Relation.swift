extension StateMachine {
    /// A documented relation between a value a request sends and the resource's value last seen
    /// in a response: EVS 扩容 "扩容的大小必须大于原有云硬盘容量" (`new_size` greater than the
    /// volume's `size`). The tracker checks it only against a value seen in a response, never
    /// against one it inferred from an accepted request (the resource may have changed since).
    public struct Relation: Sendable, Hashable {
        /// How the request's value must compare with the last value seen.
        public enum Comparison: String, Sendable, Hashable {
            /// Strictly greater: "大于原有云硬盘容量".
            case greaterThan = ">"
            /// Greater or equal: "不能小于原有云硬盘容量".
            case atLeast = ">="

            public func holds(_ value: Double, against seen: Double) -> Bool {
                switch self {
                case .greaterThan: value > seen
                case .atLeast: value >= seen
                }
            }

            /// The comparison in words, for messages.
            public var words: String {
                switch self {
                case .greaterThan: "greater than"
                case .atLeast: "at least"
                }
            }
        }

        /// Where a request names the resource and the value.
        public enum Subject: Sendable, Hashable {
            /// The resources the locators find, each with the value at one dotted request-body path
            /// (`os-extend.new_size` for the volume of path `{volume_id}`).
            case value(String, of: [Locator])
            /// Each item of a request-body array names a resource and its value
            /// (`volumes.[]`: `id` and `new_size`, EVS 6.1.4 批量扩容).
            case items(String, id: String, value: String)
        }

        public var operations: [String]
        /// The field of the resource's objects in responses that holds the value it is compared with (`size`).
        public var field: String
        public var subject: Subject
        public var comparison: Comparison
        public var citation: Citation

        public init(operations: [String], field: String, subject: Subject, comparison: Comparison, citation: Citation) {
            self.operations = operations
            self.field = field
            self.subject = subject
            self.comparison = comparison
            self.citation = citation
        }
    }
}
