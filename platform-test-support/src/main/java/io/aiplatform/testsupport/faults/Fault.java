package io.aiplatform.testsupport.faults;

/** What the proxy does to a call instead of relaying it. */
public enum Fault {
  /** Answers 503 without forwarding: the call did nothing. */
  REFUSE,
  /** Forwards the call, then answers 503: it took effect, but the caller cannot know. */
  LOSE_ANSWER,
  /** Forwards the call, then answers nothing until released, as if the caller's process died. */
  HOLD_ANSWER
}
