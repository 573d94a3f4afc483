extension Center: Equatable {
  /// Two centers are equal when every piece of state is: tests use this to show that a refused
  /// command changed nothing. Heaps compare by their entries, whatever their internal order.
  public static func == (lhs: Center, rhs: Center) -> Bool {
    lhs.now == rhs.now && lhs.settings == rhs.settings && lhs.queues == rhs.queues && lhs.crm == rhs.crm
      && lhs.faqs == rhs.faqs && lhs.statistics == rhs.statistics && lhs.auditsRouting == rhs.auditsRouting
      && lhs.routingViolations == rhs.routingViolations && lhs.agentRecords == rhs.agentRecords
      && lhs.agentSlots == rhs.agentSlots && lhs.agentIDs == rhs.agentIDs
      && lhs.chatEntries == rhs.chatEntries && lhs.messageStore == rhs.messageStore
      && lhs.openChatOfVisitor == rhs.openChatOfVisitor && lhs.routing == rhs.routing
      && lhs.timers.sorted == rhs.timers.sorted
      && lhs.timerSequence == rhs.timerSequence && lhs.offerSequence == rhs.offerSequence
  }
}
