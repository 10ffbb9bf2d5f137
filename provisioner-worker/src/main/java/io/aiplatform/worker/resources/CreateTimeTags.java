package io.aiplatform.worker.resources;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether S3 applies the tags given to CreateBucket. AWS does (which makes a bucket this system's
 * in the same call that creates it); emulators may not (moto 5.2.1 ignores them). Learnt once per
 * process by reading back the first bucket's tags, so a deployment never has to be told.
 */
@Component
class CreateTimeTags {

  private static final Logger log = LoggerFactory.getLogger(CreateTimeTags.class);

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

  void learn(boolean honoured, String bucket) {
    State learnt = honoured ? State.HONOURED : State.IGNORED;
    if (state != learnt) {
      log.info(
          "S3 {} the tags given to CreateBucket (learnt from bucket {}){}",
          honoured ? "applies" : "ignores",
          bucket,
          honoured ? "" : "; every new bucket is tagged by a second call after a recorded intent");
    }
    state = learnt;
  }
}
