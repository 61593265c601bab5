import DinhCore

/// What the marketplace checks say: why a product is left out of a feed or shown less.
/// English in FeedMessage+en.swift, Vietnamese in FeedMessage+vi.swift: one exhaustive `switch` each.
package enum FeedMessage: MessageTable {
    case titleTooLong(length: Int, market: Marketplace, maximum: Int)
    case noDescription
    case nameNotTranslated(language: String)
    case descriptionTooLong(length: Int, market: Marketplace, maximum: Int)
    case idTooLong(id: String, length: Int, market: Marketplace, maximum: Int)
    case priceZero
    case saleNotLower(sale: Int, price: Int)
    case restrictedGTIN(gtin: String)
    case noIdentifier
    case noPhoto
    case noWayToOrder
    case noPublishedPhoto
    /// `googleFrom`: the date from which Google refuses it too; nil when both already do.
    case photoTooSmall(width: Int, height: Int, minimum: Int, googleFrom: String?)
    case preorderDate(date: String)
    case inTranslation(problem: Message, language: String)
}

extension Diagnostics {
    package mutating func error(_ location: SourceLocation, _ message: FeedMessage) { error(location, Message(message)) }
    package mutating func warning(_ location: SourceLocation, _ message: FeedMessage, group: Message? = nil) {
        warning(location, Message(message), group: group)
    }
}

extension Diagnostic {
    package static func error(_ location: SourceLocation, _ message: FeedMessage) -> Diagnostic { .error(location, Message(message)) }
    package static func warning(_ location: SourceLocation, _ message: FeedMessage) -> Diagnostic { .warning(location, Message(message)) }
}

extension DinhError {
    package init(_ message: FeedMessage, at location: SourceLocation? = nil) { self.init(Message(message), at: location) }
}
