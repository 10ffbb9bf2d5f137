/**
 * Static checks of the {@code terraform/} tree that need neither providers nor an AWS account: each
 * {@link io.aiplatform.terraformchecks.Check} reads {@link
 * io.aiplatform.terraformchecks.TerraformModule}s (hcl4j for blocks and values, masked source text
 * for references) and lists what breaks its rule. The tests run every check over the tree and over
 * deliberately broken fixtures.
 */
package io.aiplatform.terraformchecks;
