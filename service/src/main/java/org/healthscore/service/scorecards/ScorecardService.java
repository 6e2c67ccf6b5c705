package org.healthscore.service.scorecards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.healthscore.api.key.Role;
import org.healthscore.api.page.Page;
import org.healthscore.api.problem.FieldError;
import org.healthscore.api.scorecard.Framework;
import org.healthscore.api.scorecard.FrameworkTemplate;
import org.healthscore.api.scorecard.MeasureInput;
import org.healthscore.api.scorecard.Scorecard;
import org.healthscore.api.scorecard.ScorecardInput;
import org.healthscore.api.scorecard.ScorecardVersion;
import org.healthscore.persistence.Ids;
import org.healthscore.persistence.metric.MetricDao;
import org.healthscore.persistence.metric.MetricRow;
import org.healthscore.persistence.scorecard.ScorecardDao;
import org.healthscore.persistence.scorecard.ScorecardRow;
import org.healthscore.persistence.scorecard.ScorecardVersionRow;
import org.healthscore.service.audit.Auditor;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.catalog.MetricService;
import org.healthscore.service.paging.Cursor;
import org.healthscore.service.paging.PageRequest;
import org.healthscore.service.problem.ApiException;
import org.healthscore.service.validation.RequestValidator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Scorecards: a draft edited freely (ETag {@code "<draftRevision>"}), published into immutable
 * versions 1, 2, ... that scores and evaluations name. Drafts start empty, whole, or from a
 * framework template (which also creates the catalog entries the workspace lacks).
 */
public final class ScorecardService {

    private static final String LIST = "scorecards";

    private final Jdbi jdbi;
    private final RequestValidator validator;
    private final MetricService metrics;
    private final Frameworks frameworks;
    private final Auditor auditor;
    private final ObjectMapper json;
    private final Clock clock;

    public ScorecardService(Jdbi jdbi, RequestValidator validator, MetricService metrics, Frameworks frameworks,
                            Auditor auditor, ObjectMapper json, Clock clock) {
        this.jdbi = jdbi;
        this.validator = validator;
        this.metrics = metrics;
        this.frameworks = frameworks;
        this.auditor = auditor;
        this.json = json;
        this.clock = clock;
    }

    public Scorecard create(Caller caller, ScorecardInput input) {
        String workspaceId = caller.workspace(Role.WRITER);
        validator.check(input);
        if (input.key() == null) {
            throw ApiException.invalid("key", "is required");
        }
        if (input.fromFramework() != null) {
            return fromFramework(caller, workspaceId, input);
        }
        return jdbi.inTransaction(handle -> {
            if (handle.attach(ScorecardDao.class).find(workspaceId, input.key()).isPresent()) {
                throw duplicate(input.key());
            }
            ScorecardDocument draft = draftOf(handle, workspaceId, input, null);
            return insert(handle, workspaceId, caller, input.key(), draft);
        });
    }

    /** A draft from a template, creating in the same transaction the catalog entries the workspace lacks. */
    private Scorecard fromFramework(Caller caller, String workspaceId, ScorecardInput input) {
        if (input.measures() != null) {
            throw ApiException.invalid("measures", "must be left out with fromFramework: the template supplies them");
        }
        FrameworkTemplate template = frameworks.get(input.fromFramework());
        return jdbi.inTransaction(handle -> {
            if (handle.attach(ScorecardDao.class).find(workspaceId, input.key()).isPresent()) {
                throw duplicate(input.key());
            }
            Map<String, MetricRow> catalog = catalog(handle, workspaceId);
            List<MeasureInput> measures = new ArrayList<>();
            for (FrameworkTemplate.TemplateMeasure m : template.measures()) {
                if (!catalog.containsKey(m.metric().key())) {
                    metrics.createIn(handle, workspaceId, caller, m.metric());
                }
                measures.add(new MeasureInput(m.metric().key(), m.weight(), m.group(), m.scoring()));
            }
            ScorecardInput whole = new ScorecardInput(input.key(),
                    input.name() != null ? input.name() : template.name(),
                    input.description() != null ? input.description() : template.description(),
                    template.framework(), input.appliesTo(), input.bands(), input.missingData(), measures, null);
            ScorecardDocument draft = draftOf(handle, workspaceId, whole, null);
            return insert(handle, workspaceId, caller, input.key(), draft);
        });
    }

    /** Replaces the draft, when {@code expectedRevision} is still its revision. */
    public Scorecard updateDraft(Caller caller, String key, Integer expectedRevision, ScorecardInput input) {
        String workspaceId = caller.workspace(Role.WRITER);
        if (expectedRevision == null) {
            throw ApiException.preconditionRequired("Updating the draft of " + key + " needs the revision you read:"
                    + " send If-Match with its ETag");
        }
        validator.check(input);
        if (input.key() != null && !input.key().equals(key)) {
            throw ApiException.invalid("key", "must equal the key in the path; a scorecard's key cannot change");
        }
        if (input.fromFramework() != null) {
            throw ApiException.invalid("fromFramework", "only starts a new scorecard (POST /scorecards)");
        }
        return jdbi.inTransaction(handle -> {
            ScorecardDao dao = handle.attach(ScorecardDao.class);
            ScorecardRow row = dao.find(workspaceId, key).orElseThrow(() -> notFound(key));
            if (row.draftRevision() != expectedRevision) {
                throw stale(key, row.draftRevision(), expectedRevision);
            }
            ScorecardDocument draft = draftOf(handle, workspaceId, input, read(row.draft()));
            Instant now = clock.instant();
            ScorecardRow next = new ScorecardRow(row.id(), workspaceId, key, write(draft), row.draftRevision() + 1,
                    row.latestVersion(), row.createdAt(), row.createdBy(), now, caller.name());
            if (dao.updateDraft(next, expectedRevision) == 0) {
                throw stale(key, expectedRevision + 1, expectedRevision);
            }
            auditor.record(handle, workspaceId, caller, "scorecard.draft.updated", key,
                    "revision " + next.draftRevision());
            return toApi(handle, next);
        });
    }

    /** Freezes the draft as the next version; the draft stays for further edits. */
    public ScorecardVersion publish(Caller caller, String key) {
        String workspaceId = caller.workspace(Role.WRITER);
        return jdbi.inTransaction(handle -> {
            ScorecardDao dao = handle.attach(ScorecardDao.class);
            ScorecardRow row = dao.find(workspaceId, key).orElseThrow(() -> notFound(key));
            ScorecardDocument draft = read(row.draft());
            List<FieldError> errors = new ArrayList<>();
            if (draft.name() == null || draft.name().isBlank()) {
                errors.add(new FieldError("name", "is required to publish"));
            }
            if (draft.measures().isEmpty()) {
                errors.add(new FieldError("measures", "must hold at least one measure to publish"));
            }
            // The catalog may have changed since the draft was saved (a metric deprecated, say).
            errors.addAll(ScorecardRules.check(inputs(draft), draft.bands(), draft.missingData(),
                    catalog(handle, workspaceId)));
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
            int version = row.latestVersion() + 1;
            Instant now = clock.instant();
            ScorecardRow next = new ScorecardRow(row.id(), workspaceId, key, row.draft(), row.draftRevision(),
                    version, row.createdAt(), row.createdBy(), now, caller.name());
            if (dao.publish(next, version, row.latestVersion()) == 0) {
                throw ApiException.conflict("Scorecard " + key + " was published by someone else meanwhile;"
                        + " read it again");
            }
            dao.insertVersion(new ScorecardVersionRow(workspaceId, key, version, row.draft(), now, caller.name()));
            dao.recordMetrics(workspaceId, draft.measures().stream().map(Scorecard.Measure::metric).toList(), key,
                    version);
            auditor.record(handle, workspaceId, caller, "scorecard.published", key, "version " + version);
            return toVersion(key, version, draft, now, caller.name());
        });
    }

    public Scorecard get(Caller caller, String key) {
        String workspaceId = caller.workspace(Role.READER);
        return jdbi.withHandle(handle -> toApi(handle, handle.attach(ScorecardDao.class).find(workspaceId, key)
                .orElseThrow(() -> notFound(key))));
    }

    public ScorecardVersion version(Caller caller, String key, int version) {
        String workspaceId = caller.workspace(Role.READER);
        ScorecardVersionRow row = jdbi.withExtension(ScorecardDao.class, dao -> dao.findVersion(workspaceId, key,
                version)).orElseThrow(() -> ApiException.notFound("Scorecard " + key + " has no version " + version));
        return toVersion(key, version, read(row.document()), row.publishedAt(), row.publishedBy());
    }

    /** A published version, for work that runs on behalf of a workspace (job workers). */
    public ScorecardVersion versionOf(String workspaceId, String key, int version) {
        ScorecardVersionRow row = jdbi.withExtension(ScorecardDao.class, dao -> dao.findVersion(workspaceId, key,
                version)).orElseThrow(() -> ApiException.notFound("Scorecard " + key + " has no version " + version));
        return toVersion(key, version, read(row.document()), row.publishedAt(), row.publishedBy());
    }

    /** The newest version of every published scorecard of the caller's workspace. */
    public List<ScorecardVersion> latestVersions(String workspaceId) {
        return jdbi.withExtension(ScorecardDao.class, dao -> dao.latestVersions(workspaceId)).stream()
                .map(r -> toVersion(r.scorecardKey(), r.version(), read(r.document()), r.publishedAt(),
                        r.publishedBy()))
                .toList();
    }

    public Page<Scorecard> list(Caller caller, PageRequest page) {
        String workspaceId = caller.workspace(Role.READER);
        List<String> at = page.position(LIST, 1);
        return jdbi.withHandle(handle -> {
            List<ScorecardRow> rows = handle.attach(ScorecardDao.class).list(workspaceId,
                    at == null ? null : at.get(0), page.fetchSize());
            Map<String, List<Scorecard.VersionSummary>> versions = versions(handle, workspaceId,
                    rows.stream().map(ScorecardRow::scorecardKey).toList());
            return page.page(rows, r -> toApi(r, versions.getOrDefault(r.scorecardKey(), List.of())),
                    r -> Cursor.encode(LIST, r.scorecardKey()));
        });
    }

    public static String cursorOf(Scorecard scorecard) {
        return Cursor.encode(LIST, scorecard.key());
    }

    private ScorecardDocument draftOf(Handle handle, String workspaceId, ScorecardInput input,
                                      ScorecardDocument previous) {
        List<MeasureInput> measures = input.measures() == null ? List.of() : input.measures();
        List<FieldError> errors = ScorecardRules.check(measures, input.bands(), input.missingData(),
                catalog(handle, workspaceId));
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new ScorecardDocument(strip(input.name()), input.description(),
                input.framework() != null ? input.framework() : previous != null ? previous.framework()
                        : Framework.CUSTOM,
                input.appliesTo(), input.bands(), input.missingData(),
                measures.stream().map(m -> new Scorecard.Measure(m.metric(), m.weight(), blankToNull(m.group()),
                        m.scoring())).toList());
    }

    private Scorecard insert(Handle handle, String workspaceId, Caller caller, String key, ScorecardDocument draft) {
        Instant now = clock.instant();
        ScorecardRow row = new ScorecardRow(Ids.newInternalId(), workspaceId, key, write(draft), 1, 0, now,
                caller.name(), now, caller.name());
        handle.attach(ScorecardDao.class).insert(row);
        auditor.record(handle, workspaceId, caller, "scorecard.created", key, null);
        return toApi(row, List.of());
    }

    private static List<MeasureInput> inputs(ScorecardDocument draft) {
        return draft.measures().stream().map(m -> new MeasureInput(m.metric(), m.weight(), m.group(), m.scoring()))
                .toList();
    }

    private static Map<String, MetricRow> catalog(Handle handle, String workspaceId) {
        Map<String, MetricRow> out = new HashMap<>();
        handle.attach(MetricDao.class).all(workspaceId).forEach(m -> out.put(m.metricKey(), m));
        return out;
    }

    private Scorecard toApi(Handle handle, ScorecardRow row) {
        return toApi(row, versions(handle, row.workspaceId(), List.of(row.scorecardKey()))
                .getOrDefault(row.scorecardKey(), List.of()));
    }

    private static Map<String, List<Scorecard.VersionSummary>> versions(Handle handle, String workspaceId,
                                                                        List<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return handle.attach(ScorecardDao.class).versionsOf(workspaceId, keys).stream()
                .collect(Collectors.groupingBy(ScorecardVersionRow::scorecardKey, Collectors.mapping(
                        v -> new Scorecard.VersionSummary(v.version(), v.publishedAt(), v.publishedBy()),
                        Collectors.toList())));
    }

    private Scorecard toApi(ScorecardRow row, List<Scorecard.VersionSummary> versions) {
        ScorecardDocument d = read(row.draft());
        return new Scorecard(row.scorecardKey(), d.name(), d.description(), d.framework(), d.appliesTo(), d.bands(),
                d.missingData(), d.measures(), row.draftRevision(),
                row.latestVersion() == 0 ? null : row.latestVersion(), versions, row.createdAt(), row.createdBy(),
                row.updatedAt(), row.updatedBy());
    }

    private static ScorecardVersion toVersion(String key, int version, ScorecardDocument d, Instant at, String by) {
        return new ScorecardVersion(key, version, d.name(), d.description(), d.framework(), d.appliesTo(), d.bands(),
                d.missingData(), d.measures(), at, by);
    }

    private ScorecardDocument read(String document) {
        try {
            return json.readValue(document, ScorecardDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored scorecard document is not readable", e);
        }
    }

    private String write(ScorecardDocument document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static ApiException duplicate(String key) {
        return ApiException.conflict("A scorecard with key '" + key + "' already exists in this workspace");
    }

    static ApiException notFound(String key) {
        return ApiException.notFound("No scorecard '" + key + "' in this workspace");
    }

    private static ApiException stale(String key, int current, int expected) {
        return ApiException.preconditionFailed("The draft of " + key + " is at revision " + current + ", not "
                + expected + ": someone changed it since you read it; read it again and reapply your change");
    }
}
