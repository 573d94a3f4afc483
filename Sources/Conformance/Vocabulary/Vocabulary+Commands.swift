import ContactCenter

extension Vocabulary {
  /// Every command of the tenant, the agents and the customers, in the order of the procedure.
  public static let commands: [CommandSpec] = definitions + agentCommands + customerCommands

  /// What the tenant sets up: lines without `name>`.
  public static let definitions: [CommandSpec] = [
    CommandSpec(
      "queue",
      [
        .required("queue", .newName, "a queue name", "NAME"),
        .key("media", .choice(.media), required: false, "chat|phone|email"),
        .key("dispositions", .newCodeList, required: false, "CODE,..."),
      ],
      summary: "define a queue; its media is `chat` unless told, with no dispositions unless listed",
      event: "queue support defined: chat, dispositions resolved", requirements: ["SES-7", "END-2"],
      example: "queue support dispositions=resolved",
      .tenant { arguments in
        .defineQueue(
          QueueID(arguments.text("queue")),
          media: arguments.optionalChoice("media", Media.init(rawValue:)) ?? .chat,
          dispositions: arguments.list("dispositions").map { DispositionCode($0) })
      }),
    CommandSpec(
      "agent",
      [
        .required("agent", .newName, "an agent name", "NAME"),
        .key("queues", .queueList, required: false, "QUEUE,..."),
        .key("max-chats", .chatLimit, required: false, "N"),
      ],
      summary:
        "define an agent, the queues assigned to it and its own chat limit (1 to 6, checked by the engine)",
      event: "agent alice defined: queues support", requirements: ["SES-1", "CAP-1"],
      example: "agent alice queues=support",
      .tenant { arguments in
        .defineAgent(
          AgentID(arguments.text("agent")), queues: arguments.list("queues").map { QueueID($0) },
          maximumChats: arguments.number("max-chats"))
      }),
    CommandSpec(
      "customer-record",
      [
        .required("customer", .newName, "a customer record id", "ID"),
        .key("name", .text, required: true, "\"...\""), .key("email", .text, required: true),
        .key("account", .text, required: false),
      ],
      summary: "define a customer record of the CRM",
      event: "customer c-100 defined: \"Marie Tremblay\" <marie@example.com>, account \"A-1\"",
      requirements: ["POP-1"],
      example: "customer-record c-100 name=\"Marie Tremblay\" email=marie@example.com account=A-1",
      .tenant { arguments in
        .defineCustomer(
          CustomerID(arguments.text("customer")), name: arguments.text("name"),
          email: arguments.text("email"),
          account: arguments.optionalText("account"))
      }),
    CommandSpec(
      "case",
      [
        .required("case", .newName, "a case id", "ID"),
        .key("customer", .customerRecord, required: true, "ID"),
        .key("subject", .text, required: true, "\"...\""),
        .key("state", .choice(.caseState), required: false, "open|closed|draft"),
      ],
      summary: "define a case record of the CRM; `open` by default",
      event: "case k-7 defined for customer c-100: \"Billing error\" (open)", requirements: ["POP-2"],
      example: "case k-7 customer=c-100 subject=\"Billing error\"",
      .tenant { arguments in
        .defineCase(
          CaseID(arguments.text("case")), customer: CustomerID(arguments.text("customer")),
          subject: arguments.text("subject"),
          state: arguments.optionalChoice("state", CaseState.init(rawValue:)) ?? .open)
      }),
    CommandSpec(
      "faq",
      [
        .required("faq", .newName, "an FAQ id", "ID"),
        .required("answer", .text, "the FAQ answer, in quotes", "\"answer\""),
      ],
      summary: "define an FAQ answer (quote it)", event: "faq hours defined (16 characters)",
      requirements: ["MSG-3"], example: "faq hours \"We are open 8-17\"",
      .tenant { arguments in .defineFAQ(FAQID(arguments.text("faq")), answer: arguments.text("answer")) }),
  ]

  public static let agentCommands: [CommandSpec] = [
    CommandSpec(
      "login", summary: "log in to the agent workspace", event: "alice logged in", requirements: ["SES-2"],
      .agent { _ in .login }),
    CommandSpec(
      "ready", summary: "Ready to Work (the status becomes Working Offline)",
      event: "alice is ready to work (Working Offline)", requirements: ["SES-3"],
      .agent { _ in .readyToWork }),
    CommandSpec(
      "queues", summary: "list the assigned queues and their switches",
      event: "alice queue support (chat): off", requirements: ["SES-4"],
      .agent { _ in .listQueues }),
    CommandSpec(
      "queues enable", [.required("queue", .queueToEnable, "a queue name", "QUEUE")],
      summary: "switch on a queue in My assigned queues (applied by Confirm selections)",
      event: "alice switched support on (pending Confirm selections)",
      requirements: ["SES-4"],
      example: "queues enable support",
      .agent { .selectQueue(QueueID($0.text("queue")), enabled: true) }),
    CommandSpec(
      "queues disable", [.required("queue", .enabledQueue, "a queue name", "QUEUE")],
      summary: "switch off a queue in My assigned queues",
      event: "alice switched support off (pending Confirm selections)", requirements: ["SES-4"],
      example: "queues disable support",
      .agent { .selectQueue(QueueID($0.text("queue")), enabled: false) }),
    CommandSpec(
      "queues confirm", summary: "Confirm selections: apply the switches", event: "alice enabled support",
      requirements: ["SES-4"],
      .agent { _ in .confirmSelections }),
    CommandSpec(
      "profile queues enable", [.required("queue", .queueToEnable, "a queue name", "QUEUE")],
      summary: "switch on a queue in My profile > Queues (applied by Save queues)",
      event: "alice switched support on in My profile (pending Save queues)",
      requirements: ["SES-5", "SES-6"],
      example: "profile queues enable support",
      .agent { .switchProfileQueue(QueueID($0.text("queue")), enabled: true) }),
    CommandSpec(
      "profile queues disable", [.required("queue", .enabledQueue, "a queue name", "QUEUE")],
      summary: "switch off a queue in My profile > Queues",
      event: "alice switched calls off in My profile (pending Save queues)",
      requirements: ["SES-5", "SES-6"],
      example: "profile queues disable calls",
      .agent { .switchProfileQueue(QueueID($0.text("queue")), enabled: false) }),
    CommandSpec(
      "profile queues save", summary: "Save queues: apply the profile's switches",
      event: "alice enabled sales", requirements: ["SES-5"],
      .agent { _ in .saveProfileQueues }),
    CommandSpec(
      "status",
      [.required("status", .choice(.status), Choice.status.expected, "available|working-offline|on-break")],
      summary: "choose a status in the Status menu", event: "alice is now Available",
      requirements: ["CHAT-1", "DEC-4"],
      example: "status available",
      .agent { .setStatus($0.choice("status", AgentStatus.init(keyword:))) }),
    CommandSpec(
      "preview", [.chat(.pendingOffer)], summary: "the record details of the offered chat",
      event: "chat-1 preview for alice: ...",
      requirements: ["CHAT-3"],
      .agent { .preview($0.chat()) }),
    CommandSpec(
      "accept", [.chat(.pendingOffer)], summary: "accept the offered chat", event: "chat-1 accepted by alice",
      requirements: ["CAP-2", "CHAT-3"],
      .agent { .accept($0.chat()) }),
    CommandSpec(
      "reject", [.chat(.pendingOffer)], summary: "reject the offered chat (needs the reject permission)",
      event: "chat-1 rejected by alice",
      requirements: ["CAP-2", "CAP-3", "CHAT-4"], .agent { .reject($0.chat()) }),
    CommandSpec(
      "info", [.chat()], summary: "the customer's name, e-mail and IP address",
      event: "chat-1 customer info for alice: ...", requirements: ["CAP-5"],
      .agent { .showCustomerInfo($0.chat()) }),
    CommandSpec(
      "customer save",
      [
        .chat(), .key("name", .text, required: true, "\"...\""), .key("email", .text, required: true),
        .key("account", .text, required: false),
      ],
      summary: "save the new-customer form", event: "customer customer-1 created from chat-1: ...",
      requirements: ["POP-4"],
      example: "customer save name=\"Marie Tremblay\" email=marie@example.com",
      .agent {
        .saveNewCustomer(
          $0.chat(), name: $0.text("name"), email: $0.text("email"), account: $0.optionalText("account"))
      }),
    CommandSpec(
      "typing", [.chat()], summary: "start the typing indicator", event: "chat-1 alice is typing",
      requirements: ["MSG-2"],
      .either(agent: { .typing($0.chat(), true) }, customer: { _ in .typing(true) })),
    CommandSpec(
      "typing stop", [.chat()], summary: "stop the typing indicator", event: "chat-1 alice stopped typing",
      requirements: ["MSG-2"],
      .either(agent: { .typing($0.chat(), false) }, customer: { _ in .typing(false) })),
    CommandSpec(
      "say", [.chat(), .text], summary: "send a message (1 to 1940 characters; \"a\"*1940 repeats)",
      event: "chat-1 alice says \"Bonjour Marie\"",
      requirements: ["MSG-1", "MSG-4"], example: "say \"Bonjour Marie\"",
      .either(agent: { .say($0.chat(), $0.text("text")) }, customer: { .say($0.text("text")) })),
    CommandSpec(
      "faq", [.chat(), .required("faq", .faq, "an FAQ id", "ID")],
      summary: "insert an FAQ answer into the draft",
      event: "chat-1 faq hours inserted in alice's draft (16 of 1940 characters)",
      requirements: ["MSG-3"], example: "faq hours", .agent { .insertFAQ($0.chat(), FAQID($0.text("faq"))) }),
    CommandSpec(
      "send", [.chat()], summary: "send the draft", event: "chat-1 alice says \"We are open 8-17\"",
      requirements: ["MSG-3"], .agent { .sendDraft($0.chat()) }),
    CommandSpec(
      "end", [.chat()], summary: "end the chat; wrap-up starts",
      event: "chat-1 ended by alice; wrap-up started", requirements: ["END-1"],
      .agent { .end($0.chat()) }),
    CommandSpec(
      "timer", [.chat(.wrapUpChat)], summary: "show the wrap-up timer",
      event: "chat-1 wrap-up timer 00:00:45", requirements: ["END-1"],
      .agent { .showWrapUpTimer($0.chat()) }),
    CommandSpec(
      "disposition", [.chat(.wrapUpChat), .required("code", .disposition, "a disposition code", "CODE")],
      summary: "choose a disposition", event: "chat-1 disposition resolved selected", requirements: ["END-2"],
      example: "disposition resolved",
      .agent { .selectDisposition($0.chat(), DispositionCode($0.text("code"))) }),
    CommandSpec(
      "continue", [.chat(.wrapUpChat)], summary: "Continue: confirm the disposition",
      event: "chat-1 disposition resolved confirmed", requirements: ["END-2"],
      .agent { .continueDisposition($0.chat()) }),
    CommandSpec(
      "finish", [.chat(.wrapUpChat)], summary: "Finish the wrap-up",
      event: "chat-1 finished by alice after 45s of wrap-up", requirements: ["END-3"],
      .agent { .finish($0.chat()) }),
    CommandSpec(
      "log", [.chat(.logChat)], summary: "show the chat log", event: "chat-1 log (view mode): ...",
      requirements: ["LOG-1", "LOG-2"],
      .agent { .showLog($0.chat()) }),
    CommandSpec(
      "log open", [.chat(.logChat)], summary: "open the log of a finished chat by hand",
      event: "chat-1 log opened for alice in edit mode",
      requirements: ["LOG-1"],
      .agent { .openLog($0.chat()) }),
    CommandSpec(
      "log edit", [.chat(.logChat), .required("text", .text, "the log's new text, in quotes", "\"text\"")],
      summary: "replace the log's text", event: "chat-1 log edited by alice (11 characters)",
      requirements: ["LOG-4"], example: "log edit \"Called back\"",
      .agent { .editLog($0.chat(), $0.text("text")) }),
    CommandSpec(
      "log customer",
      [.chat(.logChat), .required("customer", .customerRecord, "a customer record id", "ID")],
      summary: "choose the customer the log is saved for", event: "chat-1 log customer set to customer-1",
      requirements: ["LOG-3"],
      example: "log customer c-100",
      .agent { .selectLogCustomer($0.chat(), CustomerID($0.text("customer"))) }),
    CommandSpec(
      "log save", [.chat(.logChat)], summary: "save the log as a case of its customer",
      event: "chat-1 log saved as case case-1 of customer customer-1",
      requirements: ["LOG-4"],
      .agent { .saveLog($0.chat()) }),
    CommandSpec(
      "log draft", [.chat(.logChat)], summary: "save the log as a draft case",
      event: "chat-1 log saved as draft case case-1 of customer customer-1", requirements: ["LOG-4"],
      .agent { .saveLogDraft($0.chat()) }),
    CommandSpec(
      "logout", summary: "log out (not while holding chats or an offer)", event: "alice logged out",
      requirements: ["SES-2", "DEC-4"],
      .agent { _ in .logout }),
  ]

  public static let customerCommands: [CommandSpec] = [
    CommandSpec(
      "open",
      [
        .required("queue", .chatQueue, "a queue name", "QUEUE"),
        .key("name", .text, required: true, "\"...\""),
        .key("email", .text, required: true), .key("ip", .text, required: true),
        .key("account", .account, required: false), .key("case", .caseRecord, required: false),
      ],
      summary: "open a chat in a queue", event: "chat-1 queued in support for marie",
      requirements: ["CHAT-2", "POP-2"],
      example: "open support name=\"Marie Tremblay\" email=marie@example.com ip=203.0.113.7",
      .customer { arguments in
        .open(
          QueueID(arguments.text("queue")),
          ChatRequest(
            name: arguments.text("name"), email: arguments.text("email"), ipAddress: arguments.text("ip"),
            account: arguments.optionalText("account"), caseNumber: arguments.optionalText("case")))
      }),
    CommandSpec(
      "leave", summary: "leave the chat", event: "chat-1 abandoned: marie left while waiting",
      requirements: ["DEC-3"], .customer { _ in .leave }),
  ]
}
