package io.aiplatform.enrichment.consumer;

import io.aiplatform.enrichment.EnrichmentProperties;
import software.amazon.kinesis.common.ConfigsBuilder;
import software.amazon.kinesis.common.InitialPositionInStream;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;
import software.amazon.kinesis.coordinator.CoordinatorConfig;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.leases.LeaseManagementConfig;
import software.amazon.kinesis.metrics.MetricsConfig;
import software.amazon.kinesis.metrics.NullMetricsFactory;
import software.amazon.kinesis.processor.ShardRecordProcessorFactory;
import software.amazon.kinesis.retrieval.RetrievalConfig;
import software.amazon.kinesis.retrieval.RetrievalSpecificConfig;
import software.amazon.kinesis.retrieval.fanout.FanOutConfig;
import software.amazon.kinesis.retrieval.polling.PollingConfig;

/** Translates our settings into KCL's configuration objects. */
final class SchedulerFactory {

  private SchedulerFactory() {}

  static Scheduler create(
      EnrichmentProperties properties,
      KclClients clients,
      String workerId,
      ShardRecordProcessorFactory processors) {
    EnrichmentProperties.Kcl kcl = properties.kcl();
    ConfigsBuilder configs =
        new ConfigsBuilder(
            properties.streamName(),
            properties.applicationName(),
            clients.kinesis(),
            clients.dynamo(),
            clients.cloudWatch(),
            workerId,
            processors);
    return new Scheduler(
        configs.checkpointConfig(),
        coordinator(configs.coordinatorConfig(), kcl),
        leases(configs.leaseManagementConfig(), kcl),
        configs.lifecycleConfig(),
        metrics(configs.metricsConfig(), kcl),
        // Empty polls too, so that a quiet shard's buffer is delivered once it is old enough.
        configs.processorConfig().callProcessRecordsEvenForEmptyRecordList(true),
        retrieval(configs.retrievalConfig(), properties, clients));
  }

  private static CoordinatorConfig coordinator(
      CoordinatorConfig config, EnrichmentProperties.Kcl kcl) {
    return config
        .parentShardPollIntervalMillis(kcl.parentShardPollInterval().toMillis())
        .shardConsumerDispatchPollIntervalMillis(kcl.dispatchPollInterval().toMillis())
        .schedulerInitializationBackoffTimeMillis(kcl.initializationBackoff().toMillis());
  }

  private static LeaseManagementConfig leases(
      LeaseManagementConfig config, EnrichmentProperties.Kcl kcl) {
    config
        .workerUtilizationAwareAssignmentConfig()
        .workerMetricsReporterFreqInMillis(kcl.workerMetricsReportInterval().toMillis())
        .inMemoryWorkerMetricsCaptureFrequencyMillis(kcl.workerMetricsCaptureInterval().toMillis());
    return config
        .failoverTimeMillis(kcl.failoverTime().toMillis())
        .maxLeasesForWorker(kcl.maxLeasesForWorker())
        .leaseAssignmentIntervalMillis(kcl.leaseAssignmentInterval().toMillis())
        .shardSyncIntervalMillis(kcl.shardSyncInterval().toMillis())
        .dynamoDbLockBasedLeaderLeaseDurationInMillis(kcl.leaderLeaseDuration().toMillis())
        .dynamoDbLockBasedLeaderHeartbeatPeriodInMillis(kcl.leaderHeartbeat().toMillis())
        .initialPositionInStream(initialPosition(kcl));
  }

  private static MetricsConfig metrics(MetricsConfig config, EnrichmentProperties.Kcl kcl) {
    return kcl.cloudWatchMetrics() ? config : config.metricsFactory(new NullMetricsFactory());
  }

  private static RetrievalConfig retrieval(
      RetrievalConfig config, EnrichmentProperties properties, KclClients clients) {
    EnrichmentProperties.Kcl kcl = properties.kcl();
    RetrievalSpecificConfig specific =
        switch (kcl.retrieval()) {
          case POLLING ->
              new PollingConfig(properties.streamName(), clients.kinesis())
                  .maxRecords(kcl.maxRecords())
                  .idleTimeBetweenReadsInMillis(kcl.idleTimeBetweenReads().toMillis());
          case FAN_OUT ->
              new FanOutConfig(clients.kinesis())
                  .streamName(properties.streamName())
                  .applicationName(properties.applicationName());
        };
    return config
        .initialPositionInStreamExtended(initialPosition(kcl))
        .retrievalSpecificConfig(specific);
  }

  private static InitialPositionInStreamExtended initialPosition(EnrichmentProperties.Kcl kcl) {
    return InitialPositionInStreamExtended.newInitialPosition(
        InitialPositionInStream.valueOf(kcl.initialPosition().name()));
  }
}
