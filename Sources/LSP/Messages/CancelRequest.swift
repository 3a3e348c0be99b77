/// `$/cancelRequest`: the client no longer needs the result of a request.
///
/// The request must still be answered, ideally with `ResponseError.requestCancelled`.
public struct CancelParams: LSPNotification, Hashable {
  /// The method name.
  public static let method = "$/cancelRequest"
  /// The id of the request to cancel.
  public var id: RequestID

  /// Creates params.
  public init(id: RequestID) { self.id = id }
}
