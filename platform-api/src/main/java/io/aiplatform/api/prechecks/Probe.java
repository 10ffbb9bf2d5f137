package io.aiplatform.api.prechecks;

import io.aiplatform.api.prechecks.Assessment.PlannedResource;
import java.util.function.Supplier;

/**
 * One check to make: what it is called, the resource it is about, the read call that answers it,
 * and the plan entry it decides (none for checks of the account, such as the bucket quota).
 *
 * @param check the check's name
 * @param resource the resource it is about
 * @param planned the plan entry whose action it decides, or {@code null}
 * @param lookup the read call; it throws when AWS cannot answer
 */
record Probe(String check, String resource, PlannedResource planned, Supplier<Finding> lookup) {

  /**
   * What a read call found.
   *
   * @param passed whether the check passed (for a name: nobody has it)
   * @param detail what was found, in words
   */
  record Finding(boolean passed, String detail) {

    static Finding free() {
      return new Finding(true, "no resource of that name exists");
    }

    static Finding taken(String detail) {
      return new Finding(false, detail);
    }
  }
}
