package io.aiplatform.api.prechecks;

import java.util.function.Supplier;

/**
 * A read call made at most once however many checks ask for its answer, since checks of one
 * registration run at once and several of them may share one call.
 */
final class Once<T> implements Supplier<T> {

  private final Supplier<T> supplier;
  private T value;

  private Once(Supplier<T> supplier) {
    this.supplier = supplier;
  }

  static <T> Supplier<T> of(Supplier<T> supplier) {
    return new Once<>(supplier);
  }

  @Override
  public synchronized T get() {
    if (value == null) {
      value = supplier.get();
    }
    return value;
  }
}
