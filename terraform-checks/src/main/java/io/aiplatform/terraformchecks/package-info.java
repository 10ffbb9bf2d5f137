/**
 * Checks of the {@code terraform/} tree. {@link io.aiplatform.terraformchecks.TerraformCli} runs
 * terraform with the AWS provider from the machine's filesystem mirror (validate, plans against the
 * emulator, apply and destroy in the end-to-end tests). Each {@link
 * io.aiplatform.terraformchecks.Check} reads {@link io.aiplatform.terraformchecks.TerraformModule}s
 * (hcl4j for blocks and values, the source text where hcl4j evaluates too much) for rules about how
 * the source is written, and lists what breaks its rule; the tests run every check over the tree
 * and over deliberately broken fixtures.
 */
package io.aiplatform.terraformchecks;
