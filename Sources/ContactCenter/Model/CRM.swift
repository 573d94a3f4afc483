import OrderedCollections

/// A customer record of the CRM.
public struct CustomerRecord: Hashable, Sendable {
  public let id: CustomerID
  public let name: String
  public let email: String
  public let account: String?

  /// Public so that an event can be rebuilt outside the engine (the wire protocol decodes a
  /// system under test's events to compare them with the reference's).
  public init(id: CustomerID, name: String, email: String, account: String?) {
    self.id = id
    self.name = name
    self.email = email
    self.account = account
  }
}

/// The state of a case record.
public enum CaseState: String, CaseIterable, Hashable, Sendable {
  case open
  case closed
  /// LOG-4: a chat log saved as a draft; saving the log again makes it closed.
  case draft
}

/// A case record of the CRM.
public struct CaseRecord: Hashable, Sendable {
  public let id: CaseID
  public internal(set) var customer: CustomerID
  public let subject: String
  public internal(set) var state: CaseState
  /// The chat whose log this case stores, for cases made from a chat log.
  public let chat: ChatID?
  /// LOG-4: the stored log: the agent's edited text, or the transcript.
  public internal(set) var text: String?

  /// Public so that an event can be rebuilt outside the engine (the wire protocol decodes a
  /// system under test's events to compare them with the reference's).
  public init(
    id: CaseID, customer: CustomerID, subject: String, state: CaseState, chat: ChatID?, text: String? = nil
  ) {
    self.id = id
    self.customer = customer
    self.subject = subject
    self.state = state
    self.chat = chat
    self.text = text
  }
}

/// The customer records and cases the screen pop and the chat log work with.
public struct CRM: Hashable, Sendable {
  public private(set) var customers: OrderedDictionary<CustomerID, CustomerRecord> = [:]
  public private(set) var cases: OrderedDictionary<CaseID, CaseRecord> = [:]
  private var customerByAccount: [String: CustomerID] = [:]
  /// Lower-cased e-mail to the first record defined with it: the earliest record wins a match.
  private var customerByEmail: [String: CustomerID] = [:]
  private var nextCustomerNumber = 1
  private var nextCaseNumber = 1

  public func customer(withAccount account: String) -> CustomerID? { customerByAccount[account] }

  /// POP-2: finds the record for a chat: a known case number first, then a known account number,
  /// then the e-mail address (compared without regard to case). Unknown numbers fall through to
  /// the next rule rather than failing the chat.
  public func match(_ request: ChatRequest) -> CustomerMatch? {
    if let number = request.caseNumber, let found = cases[CaseID(number)] {
      return CustomerMatch(customer: found.customer, caseID: found.id, basis: .caseNumber)
    }
    if let account = request.account, let id = customerByAccount[account] {
      return CustomerMatch(customer: id, caseID: nil, basis: .account)
    }
    if let id = customerByEmail[emailKey(request.email)] {
      return CustomerMatch(customer: id, caseID: nil, basis: .email)
    }
    return nil
  }

  mutating func add(_ record: CustomerRecord) {
    customers[record.id] = record
    if let account = record.account { customerByAccount[account] = record.id }
    let email = emailKey(record.email)
    if customerByEmail[email] == nil { customerByEmail[email] = record.id }
  }

  /// E-mail addresses match without regard to case; most are already lower-case, and those
  /// are used as they are rather than copied.
  private func emailKey(_ email: String) -> String {
    email.utf8.contains(where: { $0 >= 65 && $0 <= 90 }) ? email.lowercased() : email
  }

  mutating func add(_ record: CaseRecord) { cases[record.id] = record }

  mutating func update(_ id: CaseID, customer: CustomerID, state: CaseState, text: String) {
    cases[id]?.customer = customer
    cases[id]?.state = state
    cases[id]?.text = text
  }

  /// The next free generated id, `customer-N`, skipping ids the tenant already used.
  func nextCustomerID() -> (CustomerID, next: Int) {
    var number = nextCustomerNumber
    while customers[CustomerID("customer-\(number)")] != nil { number += 1 }
    return (CustomerID("customer-\(number)"), number + 1)
  }

  func nextCaseID() -> (CaseID, next: Int) {
    var number = nextCaseNumber
    while cases[CaseID("case-\(number)")] != nil { number += 1 }
    return (CaseID("case-\(number)"), number + 1)
  }

  mutating func createCustomer(name: String, email: String, account: String?) -> CustomerRecord {
    let (id, next) = nextCustomerID()
    nextCustomerNumber = next
    let record = CustomerRecord(id: id, name: name, email: email, account: account)
    add(record)
    return record
  }

  mutating func createCase(
    customer: CustomerID, subject: String, state: CaseState, chat: ChatID, text: String
  ) -> CaseRecord {
    let (id, next) = nextCaseID()
    nextCaseNumber = next
    let record = CaseRecord(
      id: id, customer: customer, subject: subject, state: state, chat: chat, text: text)
    add(record)
    return record
  }
}
