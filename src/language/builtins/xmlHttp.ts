// The native XML types (XmlDocument, XmlElement, ... XmlNamespaceManager) and the HTTP types (HttpClient,
// HttpRequestMessage, HttpResponseMessage, HttpContent, HttpHeaders).
import type { ReceiverSpec } from './types';

/** What every XML node type has. */
const node = [
  'AddAfterSelf(Node: Any): Boolean',
  'AddBeforeSelf(Node: Any): Boolean',
  'AsXmlAttribute(): XmlAttribute',
  'AsXmlCData(): XmlCData',
  'AsXmlComment(): XmlComment',
  'AsXmlDeclaration(): XmlDeclaration',
  'AsXmlDocument(): XmlDocument',
  'AsXmlDocumentType(): XmlDocumentType',
  'AsXmlElement(): XmlElement',
  'AsXmlNode(): XmlNode',
  'AsXmlProcessingInstruction(): XmlProcessingInstruction',
  'AsXmlText(): XmlText',
  'GetDocument(var Document: XmlDocument): Boolean',
  'GetParent(var Parent: XmlElement): Boolean',
  'IsXmlAttribute(): Boolean',
  'IsXmlCData(): Boolean',
  'IsXmlComment(): Boolean',
  'IsXmlDeclaration(): Boolean',
  'IsXmlDocument(): Boolean',
  'IsXmlDocumentType(): Boolean',
  'IsXmlElement(): Boolean',
  'IsXmlProcessingInstruction(): Boolean',
  'IsXmlText(): Boolean',
  'Remove(): Boolean',
  'ReplaceWith(Node: Any): Boolean',
  'SelectNodes(XPath: Text; var Result: XmlNodeList): Boolean',
  'SelectNodes(XPath: Text; NamespaceManager: XmlNamespaceManager; var Result: XmlNodeList): Boolean',
  'SelectSingleNode(XPath: Text; var Result: XmlNode): Boolean',
  'SelectSingleNode(XPath: Text; NamespaceManager: XmlNamespaceManager; var Result: XmlNode): Boolean',
  'WriteTo(var Text: Text): Boolean',
  'WriteTo(OutStream: OutStream): Boolean',
  'WriteTo(Options: XmlWriteOptions; var Text: Text): Boolean',
];

/** Containers of child nodes (XmlDocument, XmlElement). */
const container = [
  'Add(Content: Any): Boolean',
  'AddFirst(Content: Any): Boolean',
  'GetChildElements([Name: Text]): XmlNodeList',
  'GetChildNodes(): XmlNodeList',
  'GetDescendantElements([Name: Text]): XmlNodeList',
  'GetDescendantNodes(): XmlNodeList',
  'RemoveNodes(): Boolean',
  'ReplaceNodes(Content: Any): Boolean',
];

export const xmlHttpReceivers: ReceiverSpec[] = [
  {
    receiver: 'XmlDocument',
    entries: [
      ...node,
      ...container,
      ['Create([Content: Any]): XmlDocument', [], { static: true }],
      ['ReadFrom(Text: Text; var Document: XmlDocument): Boolean', [], { static: true }],
      ['ReadFrom(InStream: InStream; var Document: XmlDocument): Boolean', [], { static: true }],
      ['ReadFrom(Text: Text; Options: XmlReadOptions; var Document: XmlDocument): Boolean', [], { static: true }],
      'GetDeclaration(var Declaration: XmlDeclaration): Boolean',
      'GetDocumentType(var DocumentType: XmlDocumentType): Boolean',
      'GetRoot(var Root: XmlElement): Boolean',
      'NameTable(): XmlNameTable',
      'SetDeclaration(Declaration: XmlDeclaration): Boolean',
    ],
  },
  {
    receiver: 'XmlElement',
    entries: [
      ...node,
      ...container,
      ['Create(Name: Text; [NamespaceUri: Text]; [Content: Any]): XmlElement', [], { static: true }],
      'Attributes(): XmlAttributeCollection',
      'GetNamespaceOfPrefix(Prefix: Text; var NamespaceUri: Text): Boolean',
      'GetPrefixOfNamespace(NamespaceUri: Text; var Prefix: Text): Boolean',
      'HasAttributes(): Boolean',
      'HasElements(): Boolean',
      'InnerText(): Text',
      'InnerXml(): Text',
      'IsEmpty(): Boolean',
      'LocalName(): Text',
      'Name(): Text',
      'NamespaceUri(): Text',
      'RemoveAllAttributes(): Boolean',
      'RemoveAttribute(Name: Text; [NamespaceUri: Text]): Boolean',
      'SetAttribute(Name: Text; [NamespaceUri: Text]; Value: Text): Boolean',
    ],
  },
  {
    receiver: 'XmlNode',
    entries: [...node],
  },
  {
    receiver: 'XmlAttribute',
    entries: [
      ...node,
      ['Create(Name: Text; [NamespaceUri: Text]; Value: Text): XmlAttribute', [], { static: true }],
      ['CreateNamespaceDeclaration(Prefix: Text; NamespaceUri: Text): XmlAttribute', [], { static: true }],
      'IsNamespaceDeclaration(): Boolean',
      'LocalName(): Text',
      'Name(): Text',
      'NamespacePrefix(): Text',
      'NamespaceUri(): Text',
      'Value([Value: Text]): Text',
    ],
  },
  {
    receiver: 'XmlText',
    entries: [...node, ['Create(Value: Text): XmlText', [], { static: true }], 'Value([Value: Text]): Text'],
  },
  {
    receiver: 'XmlCData',
    entries: [...node, ['Create(Value: Text): XmlCData', [], { static: true }], 'Value([Value: Text]): Text'],
  },
  {
    receiver: 'XmlComment',
    entries: [...node, ['Create(Value: Text): XmlComment', [], { static: true }], 'Value([Value: Text]): Text'],
  },
  {
    receiver: 'XmlDeclaration',
    entries: [...node, ['Create(Version: Text; Encoding: Text; Standalone: Text): XmlDeclaration', [], { static: true }], 'Encoding([Value: Text]): Text', 'Standalone([Value: Text]): Text', 'Version([Value: Text]): Text'],
  },
  {
    receiver: 'XmlProcessingInstruction',
    entries: [...node, ['Create(Target: Text; Data: Text): XmlProcessingInstruction', [], { static: true }], 'GetData(var Data: Text): Boolean', 'GetTarget(var Target: Text): Boolean', 'SetData(Data: Text): Boolean', 'SetTarget(Target: Text): Boolean'],
  },
  {
    receiver: 'XmlDocumentType',
    entries: [...node, ['Create(Name: Text; [PublicId: Text]; [SystemId: Text]; [InternalSubset: Text]): XmlDocumentType', [], { static: true }], 'GetInternalSubset(var InternalSubset: Text): Boolean', 'GetName(var Name: Text): Boolean', 'GetPublicId(var PublicId: Text): Boolean', 'GetSystemId(var SystemId: Text): Boolean'],
  },
  {
    receiver: 'XmlNodeList',
    entries: ['Count(): Integer', 'Get(Index: Integer; var Node: XmlNode): Boolean'],
  },
  {
    receiver: 'XmlAttributeCollection',
    entries: ['Count(): Integer', 'Get(Index: Integer; var Attribute: XmlAttribute): Boolean', 'Get(Name: Text; [NamespaceUri: Text]; var Attribute: XmlAttribute): Boolean', 'Remove(Attribute: XmlAttribute): Boolean', 'RemoveAll(): Boolean', 'Set(Name: Text; [NamespaceUri: Text]; Value: Text): Boolean'],
  },
  {
    receiver: 'XmlNamespaceManager',
    entries: ['AddNamespace(Prefix: Text; Uri: Text): Boolean', 'HasNamespace(Prefix: Text): Boolean', 'LookupNamespace(Prefix: Text; var Namespace: Text): Boolean', 'LookupPrefix(Namespace: Text; var Prefix: Text): Boolean', 'NameTable([NameTable: XmlNameTable]): XmlNameTable', 'PopScope(): Boolean', 'PushScope(): Boolean', 'RemoveNamespace(Prefix: Text; Uri: Text): Boolean'],
  },
  {
    receiver: 'XmlNameTable',
    entries: ['Add(Value: Text): Text', 'Get(Value: Text; var Result: Text): Boolean'],
  },
  {
    receiver: 'XmlReadOptions',
    entries: [['PreserveWhitespace([Value: Boolean]): Boolean', [], { property: true }]],
  },
  {
    receiver: 'XmlWriteOptions',
    entries: [['PreserveWhitespace([Value: Boolean]): Boolean', [], { property: true }]],
  },
  {
    receiver: 'HttpClient',
    entries: [
      'AddCertificate(Certificate: Text; [Password: Text])',
      'Clear()',
      'DefaultRequestHeaders(): HttpHeaders',
      'Delete(Path: Text; var Response: HttpResponseMessage): Boolean',
      'Get(Path: Text; var Response: HttpResponseMessage): Boolean',
      'GetBaseAddress(): Text',
      'Patch(Path: Text; Content: HttpContent; var Response: HttpResponseMessage): Boolean',
      'Post(Path: Text; Content: HttpContent; var Response: HttpResponseMessage): Boolean',
      'Put(Path: Text; Content: HttpContent; var Response: HttpResponseMessage): Boolean',
      'Send(Request: HttpRequestMessage; var Response: HttpResponseMessage): Boolean',
      'SetBaseAddress(Url: Text): Boolean',
      'Timeout([Timeout: Duration]): Duration',
      'UseDefaultNetworkWindowsAuthentication(): Boolean',
      'UseResponseCookies(UseResponseCookies: Boolean)',
      'UseServerCertificateValidation(UseServerCertificateValidation: Boolean)',
      'UseWindowsAuthentication(UserName: Text; Password: Text; [Domain: Text]): Boolean',
    ],
  },
  {
    receiver: 'HttpRequestMessage',
    entries: ['Content([Content: HttpContent]): HttpContent', 'GetCookie(Name: Text; var Cookie: Cookie): Boolean', 'GetCookieNames(): List of [Text]', 'GetHeaders(var Headers: HttpHeaders): Boolean', 'GetRequestUri(): Text', 'Method([Method: Text]): Text', 'RemoveCookie(Name: Text): Boolean', 'SetCookie(Name: Text; Value: Text): Boolean', 'SetRequestUri(RequestUri: Text): Boolean'],
  },
  {
    receiver: 'HttpResponseMessage',
    entries: ['Content(): HttpContent', 'GetCookie(Name: Text; var Cookie: Cookie): Boolean', 'GetCookieNames(): List of [Text]', 'Headers(): HttpHeaders', 'HttpStatusCode(): Integer', 'IsBlockedByEnvironment(): Boolean', 'IsSuccessStatusCode(): Boolean', 'ReasonPhrase(): Text'],
  },
  {
    receiver: 'HttpContent',
    entries: ['Clear()', 'GetHeaders(var Headers: HttpHeaders): Boolean', 'IsSecretContent(): Boolean', 'ReadAs(var OutputText: Text): Boolean', 'ReadAs(var InStream: InStream): Boolean', 'WriteFrom(Text: Text)', 'WriteFrom(InStream: InStream)'],
  },
  {
    receiver: 'HttpHeaders',
    entries: ['Add(Name: Text; Value: Text): Boolean', 'Clear()', 'Contains(Name: Text): Boolean', 'ContainsSecret(Name: Text): Boolean', 'GetSecretValues(Name: Text; var Values: Array of [SecretText]): Boolean', 'GetValues(Name: Text; var Values: Array of [Text]): Boolean', 'Keys(): List of [Text]', 'Remove(Name: Text): Boolean', 'TryAddWithoutValidation(Name: Text; Value: Text): Boolean'],
  },
  {
    receiver: 'Cookie',
    entries: ['Domain(): Text', 'Expires(): DateTime', 'HttpOnly(): Boolean', 'Name(): Text', 'Path(): Text', 'Secure(): Boolean', 'Value(): Text'],
  },
];
