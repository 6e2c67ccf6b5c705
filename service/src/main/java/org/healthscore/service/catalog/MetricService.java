package org.healthscore.service.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.healthscore.api.key.Role;
import org.healthscore.api.metric.Metric;
import org.healthscore.api.metric.MetricInput;
import org.healthscore.api.metric.MetricRevision;
import org.healthscore.api.metric.RevisionChange;
import org.healthscore.api.page.Page;
import org.healthscore.api.problem.FieldError;
import org.healthscore.persistence.Ids;
import org.healthscore.persistence.account.ObservationDao;
import org.healthscore.persistence.scorecard.ScorecardDao;
import org.healthscore.persistence.metric.MetricDao;
import org.healthscore.persistence.metric.MetricRevisionDao;
import org.healthscore.persistence.metric.MetricRevisionRow;
import org.healthscore.persistence.metric.MetricRow;
import org.healthscore.persistence.metric.MetricTagRow;
import org.healthscore.service.audit.Auditor;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.paging.Cursor;
import org.healthscore.service.paging.PageRequest;
import org.healthscore.service.problem.ApiException;
import org.healthscore.service.validation.RequestValidator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;

/**
 * The metric catalog: every read and write of catalog entries, for REST and GraphQL alike.
 * Each change writes a revision (the entry as it was after the change, who and when) and an
 * audit event in the same transaction.
 */
public final class MetricService {

    private static final String LIST = "metrics";
    private static final String REVISIONS = "revisions";

    private final Jdbi jdbi;
    private final RequestValidator validator;
    private final Auditor auditor;
    private final ObjectMapper json;
    private final Clock clock;

    public MetricService(Jdbi jdbi, RequestValidator validator, Auditor auditor, ObjectMapper json, Clock clock) {
        this.jdbi = jdbi;
        this.validator = validator;
        this.auditor = auditor;
        this.json = json;
        this.clock = clock;
    }

    public Metric create(Caller caller, MetricInput input) {
        String workspaceId = caller.workspace(Role.WRITER);
        checkInput(input);
        if (input.key() == null) {
            throw ApiException.invalid("key", "is required");
        }
        try {
            return jdbi.inTransaction(handle -> createIn(handle, workspaceId, caller, input));
        } catch (StatementException e) {
            // Two creates of one key racing: the unique key decides, the loser hears 409.
            if (isUniqueViolation(e)) {
                throw duplicate(input.key());
            }
            throw e;
        }
    }

    /** Creates a catalog entry inside the caller's transaction (a template instantiating its metrics). */
    public Metric createIn(Handle handle, String workspaceId, Caller caller, MetricInput input) {
        checkInput(input);
        MetricDao dao = handle.attach(MetricDao.class);
        if (dao.find(workspaceId, input.key()).isPresent()) {
            throw duplicate(input.key());
        }
        // A key deleted and created again continues its old trail rather than reusing numbers.
        int revision = handle.attach(MetricRevisionDao.class).latestRevision(workspaceId, input.key()) + 1;
        Instant now = clock.instant();
        MetricRow row = MetricRows.fromInput(Ids.newInternalId(), workspaceId, input.key(), input, revision,
                now, caller.name(), now, caller.name());
        dao.insert(row);
        dao.insertTags(row.id(), input.tagsOrEmpty(), workspaceId);
        Metric metric = MetricRows.toApi(row, sorted(input.tagsOrEmpty()));
        writeRevision(handle, workspaceId, metric, RevisionChange.CREATED, caller, now);
        auditor.record(handle, workspaceId, caller, "metric.created", metric.key(), "revision " + revision);
        return metric;
    }

    /**
     * Replaces every field but the key, when {@code expectedRevision} is still the stored one.
     * An update that changes nothing makes no revision.
     */
    public Metric update(Caller caller, String key, Integer expectedRevision, MetricInput input) {
        String workspaceId = caller.workspace(Role.WRITER);
        if (expectedRevision == null) {
            throw ApiException.preconditionRequired("Updating metric " + key + " needs the revision you read:"
                    + " send If-Match with its ETag");
        }
        checkInput(input);
        if (input.key() != null && !input.key().equals(key)) {
            throw ApiException.invalid("key", "must equal the key in the path; a metric's key cannot change");
        }
        return jdbi.inTransaction(handle -> {
            MetricDao dao = handle.attach(MetricDao.class);
            MetricRow current = dao.find(workspaceId, key).orElseThrow(() -> notFound(key));
            if (current.revision() != expectedRevision) {
                throw stale(key, current.revision(), expectedRevision);
            }
            List<String> currentTags = tagsOf(dao, workspaceId, List.of(current.id())).getOrDefault(current.id(), List.of());
            Instant now = clock.instant();
            MetricRow next = MetricRows.fromInput(current.id(), workspaceId, key, input, current.revision() + 1,
                    current.createdAt(), current.createdBy(), now, caller.name());
            if (MetricRows.sameContent(current, currentTags, next, input.tagsOrEmpty())) {
                return MetricRows.toApi(current, currentTags);
            }
            if (dao.update(next, expectedRevision) == 0) {
                throw stale(key, expectedRevision + 1, expectedRevision);
            }
            dao.deleteTags(current.id(), workspaceId);
            dao.insertTags(current.id(), input.tagsOrEmpty(), workspaceId);
            Metric metric = MetricRows.toApi(next, sorted(input.tagsOrEmpty()));
            writeRevision(handle, workspaceId, metric, RevisionChange.UPDATED, caller, now);
            auditor.record(handle, workspaceId, caller, "metric.updated", key, "revision " + next.revision());
            return metric;
        });
    }

    /**
     * Deletes an entry; its revisions stay readable, ending with a DELETED one.
     * {@code expectedRevision} is optional here: when given, a stale one is a 412.
     */
    public int delete(Caller caller, String key, Integer expectedRevision) {
        String workspaceId = caller.workspace(Role.WRITER);
        return jdbi.inTransaction(handle -> {
            MetricDao dao = handle.attach(MetricDao.class);
            MetricRow current = dao.find(workspaceId, key).orElseThrow(() -> notFound(key));
            if (expectedRevision != null && current.revision() != expectedRevision) {
                throw stale(key, current.revision(), expectedRevision);
            }
            List<String> scorecards = handle.attach(ScorecardDao.class).publishedUsing(workspaceId, key);
            if (!scorecards.isEmpty()) {
                throw ApiException.conflict("Metric " + key + " is in use by published scorecards: "
                        + String.join(", ", scorecards) + ". Set its status to DEPRECATED instead.");
            }
            long observations = handle.attach(ObservationDao.class).countForMetric(workspaceId, current.id());
            if (observations > 0) {
                throw ApiException.conflict("Metric " + key + " is in use: it has " + observations + " observations."
                        + " Set its status to DEPRECATED instead; its history stays readable.");
            }
            List<String> tags = tagsOf(dao, workspaceId, List.of(current.id())).getOrDefault(current.id(), List.of());
            dao.deleteTags(current.id(), workspaceId);
            if (dao.delete(workspaceId, current.id()) == 0) {
                throw notFound(key);
            }
            Instant now = clock.instant();
            int revision = current.revision() + 1;
            Metric last = MetricRows.toApi(current, tags);
            writeRevision(handle, workspaceId, withRevision(last, revision, now, caller.name()), RevisionChange.DELETED,
                    caller, now);
            auditor.record(handle, workspaceId, caller, "metric.deleted", key, "revision " + revision);
            return revision;
        });
    }

    public Metric get(Caller caller, String key) {
        String workspaceId = caller.workspace(Role.READER);
        return jdbi.withHandle(handle -> {
            MetricDao dao = handle.attach(MetricDao.class);
            MetricRow row = dao.find(workspaceId, key).orElseThrow(() -> notFound(key));
            return MetricRows.toApi(row, tagsOf(dao, workspaceId, List.of(row.id())).getOrDefault(row.id(), List.of()));
        });
    }

    /** Entries in key order. */
    public Page<Metric> list(Caller caller, MetricFilter filter, PageRequest page) {
        String workspaceId = caller.workspace(Role.READER);
        List<String> at = page.position(LIST, 1);
        return jdbi.withHandle(handle -> {
            MetricDao dao = handle.attach(MetricDao.class);
            List<MetricRow> rows = dao.list(workspaceId, filter.dimension(), filter.status(), filter.tag(),
                    at == null ? null : at.get(0), page.fetchSize());
            Map<Long, List<String>> tags = tagsOf(dao, workspaceId, rows.stream().map(MetricRow::id).toList());
            return page.page(rows, r -> MetricRows.toApi(r, tags.getOrDefault(r.id(), List.of())),
                    r -> Cursor.encode(LIST, r.metricKey()));
        });
    }

    /** The whole catalog as one document. */
    public org.healthscore.api.metric.Catalog catalog(Caller caller) {
        return new org.healthscore.api.metric.Catalog(clock.instant(), all(caller));
    }

    /** Every entry of the caller's workspace, in key order. */
    public List<Metric> all(Caller caller) {
        List<Metric> all = new ArrayList<>();
        PageRequest page = PageRequest.fromGraphQL(PageRequest.MAX_LIMIT, null);
        while (true) {
            Page<Metric> chunk = list(caller, MetricFilter.ALL, page);
            all.addAll(chunk.items());
            if (chunk.nextCursor() == null) {
                return all;
            }
            page = PageRequest.fromGraphQL(PageRequest.MAX_LIMIT, chunk.nextCursor());
        }
    }

    /** Entries by key in one read, for DataLoaders; unknown keys are absent from the map. */
    public Map<String, Metric> byKeys(String workspaceId, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(handle -> {
            MetricDao dao = handle.attach(MetricDao.class);
            List<MetricRow> rows = dao.findMany(workspaceId, keys);
            Map<Long, List<String>> tags = tagsOf(dao, workspaceId, rows.stream().map(MetricRow::id).toList());
            Map<String, Metric> out = new LinkedHashMap<>();
            rows.forEach(r -> out.put(r.metricKey(), MetricRows.toApi(r, tags.getOrDefault(r.id(), List.of()))));
            return out;
        });
    }

    /** The audit trail of one key, newest first; a key that never existed is a 404. */
    public Page<MetricRevision> revisions(Caller caller, String key, PageRequest page) {
        String workspaceId = caller.workspace(Role.READER);
        List<String> at = page.position(REVISIONS, 1);
        Integer before = at == null ? null : parseRevision(at.get(0), page);
        return jdbi.withHandle(handle -> {
            MetricRevisionDao dao = handle.attach(MetricRevisionDao.class);
            if (dao.latestRevision(workspaceId, key) == 0) {
                throw notFound(key);
            }
            List<MetricRevisionRow> rows = dao.list(workspaceId, key, before, page.fetchSize());
            return page.page(rows, this::toRevision, r -> Cursor.encode(REVISIONS, Integer.toString(r.revision())));
        });
    }

    /** The cursor that continues a list after {@code metric} (for GraphQL edges). */
    public static String cursorOf(Metric metric) {
        return Cursor.encode(LIST, metric.key());
    }

    /** The cursor that continues a revision list after {@code revision}. */
    public static String cursorOf(MetricRevision revision) {
        return Cursor.encode(REVISIONS, Integer.toString(revision.revision()));
    }

    private void checkInput(MetricInput input) {
        validator.check(input);
        List<String> tags = input.tagsOrEmpty();
        Set<String> seen = new HashSet<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            if (!seen.add(tags.get(i))) {
                errors.add(new FieldError("tags[" + i + "]", "repeats the tag '" + tags.get(i) + "'"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private void writeRevision(Handle handle, String workspaceId, Metric metric, RevisionChange change, Caller caller,
                               Instant at) {
        handle.attach(MetricRevisionDao.class).insert(new MetricRevisionRow(workspaceId, metric.key(),
                metric.revision(), change, caller.name(), at, toJson(metric)));
    }

    private MetricRevision toRevision(MetricRevisionRow row) {
        try {
            Metric metric = json.readValue(row.document(), Metric.class);
            return new MetricRevision(row.metricKey(), row.revision(), row.changeType(), row.changedBy(),
                    row.changedAt(), metric);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored revision " + row.revision() + " of " + row.metricKey()
                    + " is not readable", e);
        }
    }

    private String toJson(Metric metric) {
        try {
            return json.writeValueAsString(metric);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A metric always serializes", e);
        }
    }

    private static Metric withRevision(Metric m, int revision, Instant at, String by) {
        return new Metric(m.key(), m.name(), m.description(), m.dimension(), m.dataSource(), m.calculation(),
                m.owner(), m.unit(), m.valueType(), m.direction(), m.aggregation(), m.tags(), m.status(), revision,
                m.createdAt(), m.createdBy(), at, by);
    }

    private static Map<Long, List<String>> tagsOf(MetricDao dao, String workspaceId, List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return dao.tags(workspaceId, ids).stream().collect(Collectors.groupingBy(MetricTagRow::metricId,
                Collectors.mapping(MetricTagRow::tag, Collectors.toList())));
    }

    private static List<String> sorted(List<String> tags) {
        return tags.stream().sorted().toList();
    }

    private static Integer parseRevision(String text, PageRequest page) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw PageRequest.notACursor(page);
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private static ApiException duplicate(String key) {
        return ApiException.conflict("A metric with key '" + key + "' already exists in this workspace");
    }

    static ApiException notFound(String key) {
        return ApiException.notFound("No metric '" + key + "' in this workspace");
    }

    private static ApiException stale(String key, int current, int expected) {
        return ApiException.preconditionFailed("Metric " + key + " is at revision " + current + ", not " + expected
                + ": someone changed it since you read it; read it again and reapply your change");
    }

    /** For callers that only need to know whether a key exists. */
    public Optional<Metric> find(String workspaceId, String key) {
        return Optional.ofNullable(byKeys(workspaceId, List.of(key)).get(key));
    }
}
