/// `workspace/didChangeConfiguration`: settings changed.
public struct DidChangeConfigurationParams: LSPNotification, Hashable {
  /// The method name.
  public static let method = "workspace/didChangeConfiguration"
  /// The new settings; many clients send `null` and expect the server to pull with `workspace/configuration`.
  public var settings: JSONValue

  /// Creates params.
  public init(settings: JSONValue) { self.settings = settings }

  /// Decodes params, treating absent settings as `null`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    settings = try container.decodeIfPresent(JSONValue.self, forKey: .settings) ?? .null
  }
}

/// One settings section requested from the client.
public struct ConfigurationItem: Codable, Sendable, Hashable {
  /// The resource the settings apply to.
  public var scopeUri: DocumentURI?
  /// The section, such as `jixiao`.
  public var section: String?

  /// Creates an item.
  public init(scopeUri: DocumentURI? = nil, section: String? = nil) {
    self.scopeUri = scopeUri
    self.section = section
  }
}

/// `workspace/configuration`: the server asks for settings.
public struct ConfigurationParams: LSPRequest, Hashable {
  /// The method name.
  public static let method = "workspace/configuration"
  /// The result type: one value per item, `null` where unset.
  public typealias Response = [JSONValue]

  /// The sections wanted.
  public var items: [ConfigurationItem]

  /// Creates params.
  public init(items: [ConfigurationItem]) { self.items = items }
}
