package io.aiplatform.worker.resources;

import org.springframework.stereotype.Component;

/**
 * Whether S3 applies the tags given to CreateBucket. AWS does (which makes a bucket this system's
 * in the same call that creates it); emulators may not (moto 5.2.1 ignores them). Learnt once per
 * process by reading back the first bucket's tags, so a deployment never has to be told.
 */
@Component
class CreateTimeTags {

  private enum State {
    UNKNOWN,
    HONOURED,
    IGNORED
  }

  private volatile State state = State.UNKNOWN;

  boolean unknown() {
    return state == State.UNKNOWN;
  }

  boolean honoured() {
    return state == State.HONOURED;
  }

  void learn(boolean honoured) {
    state = honoured ? State.HONOURED : State.IGNORED;
  }
}
