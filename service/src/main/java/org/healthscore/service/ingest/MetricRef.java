package org.healthscore.service.ingest;

import org.healthscore.api.metric.ValueType;

/** What ingestion needs of a catalog entry: its id, key and value type. */
record MetricRef(long id, String key, ValueType valueType) {
}
