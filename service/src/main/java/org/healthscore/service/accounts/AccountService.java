package org.healthscore.service.accounts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.healthscore.api.account.Account;
import org.healthscore.api.account.AccountInput;
import org.healthscore.api.account.Observation;
import org.healthscore.api.account.Outcome;
import org.healthscore.api.key.Role;
import org.healthscore.api.page.Page;
import org.healthscore.api.problem.FieldError;
import org.healthscore.persistence.Ids;
import org.healthscore.persistence.account.AccountDao;
import org.healthscore.persistence.account.AccountRow;
import org.healthscore.persistence.account.ObservationDao;
import org.healthscore.persistence.account.ObservationRow;
import org.healthscore.persistence.account.OutcomeDao;
import org.healthscore.persistence.metric.MetricDao;
import org.healthscore.persistence.metric.MetricRow;
import org.healthscore.service.audit.Auditor;
import org.healthscore.service.ingest.AccountRules;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.paging.Cursor;
import org.healthscore.service.paging.PageRequest;
import org.healthscore.service.problem.ApiException;
import org.healthscore.service.validation.RequestValidator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** One account at a time: upsert, read, list, and an account's observations and outcomes. */
public final class AccountService {

    private static final String LIST = "accounts";
    private static final String OBSERVATIONS = "observations";
    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() { };

    private final Jdbi jdbi;
    private final RequestValidator validator;
    private final Auditor auditor;
    private final ObjectMapper json;
    private final Clock clock;

    public AccountService(Jdbi jdbi, RequestValidator validator, Auditor auditor, ObjectMapper json, Clock clock) {
        this.jdbi = jdbi;
        this.validator = validator;
        this.auditor = auditor;
        this.json = json;
        this.clock = clock;
    }

    /** The account after an upsert, and whether it was created. */
    public record Upserted(Account account, boolean created) {
    }

    public Upserted put(Caller caller, String externalId, AccountInput input) {
        String workspaceId = caller.workspace(Role.WRITER);
        checkExternalId(externalId);
        validator.check(input);
        input.attributesOrEmpty().forEach((k, v) -> {
            if (k.isBlank() || k.length() > AccountRules.MAX_ATTRIBUTE_NAME || v == null
                    || v.length() > AccountRules.MAX_ATTRIBUTE_VALUE) {
                throw ApiException.invalid("attributes." + k, AccountRules.ATTRIBUTE_RULE);
            }
        });
        checkYear("startDate", input.startDate());
        checkYear("renewalDate", input.renewalDate());
        String attributes = input.attributesOrEmpty().isEmpty() ? null : toJson(new TreeMap<>(input.attributes()));
        return jdbi.inTransaction(handle -> {
            AccountDao dao = handle.attach(AccountDao.class);
            AccountRow old = dao.find(workspaceId, externalId).orElse(null);
            Instant now = clock.instant();
            AccountRow next = new AccountRow(old == null ? Ids.newInternalId() : old.id(), workspaceId, externalId,
                    strip(input.name()), strip(input.segment()), strip(input.productLine()),
                    input.arr() == null ? null : input.arr().setScale(2),
                    strip(input.owner()), input.startDate(), input.renewalDate(), attributes,
                    old == null ? now : old.createdAt(), now);
            if (old == null) {
                dao.insert(List.of(next));
                auditor.record(handle, workspaceId, caller, "account.created", externalId, null);
                return new Upserted(toApi(next), true);
            }
            if (old.sameContent(next)) {
                return new Upserted(toApi(old), false);
            }
            dao.update(List.of(next));
            auditor.record(handle, workspaceId, caller, "account.updated", externalId, null);
            return new Upserted(toApi(next), false);
        });
    }

    public Account get(Caller caller, String externalId) {
        String workspaceId = caller.workspace(Role.READER);
        return toApi(jdbi.withExtension(AccountDao.class, dao -> dao.find(workspaceId, externalId))
                .orElseThrow(() -> notFound(externalId)));
    }

    /** Accounts by external id, for DataLoaders; unknown ones are absent. */
    public Map<String, Account> byExternalIds(String workspaceId, Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Account> out = new LinkedHashMap<>();
        jdbi.withExtension(AccountDao.class, dao -> dao.findMany(workspaceId, externalIds))
                .forEach(r -> out.put(r.externalId(), toApi(r)));
        return out;
    }

    public Page<Account> list(Caller caller, String segment, String productLine, PageRequest page) {
        return list(caller, segment, productLine, null, null, page);
    }

    /**
     * Accounts in externalId order; with {@code scorecard} and {@code band}, only those whose newest
     * stored score under that scorecard is in that band.
     */
    public Page<Account> list(Caller caller, String segment, String productLine, String scorecard, String band,
                              PageRequest page) {
        String workspaceId = caller.workspace(Role.READER);
        List<String> at = page.position(LIST, 1);
        if (blank(band) != null && blank(scorecard) == null) {
            throw ApiException.invalid("scorecard", "is required with band: bands belong to a scorecard's scores");
        }
        if (blank(band) != null && !java.util.Set.of("RED", "YELLOW", "GREEN", "INSUFFICIENT_DATA").contains(band)) {
            throw ApiException.badRequest("band", "must be one of RED, YELLOW, GREEN, INSUFFICIENT_DATA");
        }
        return jdbi.withHandle(handle -> {
            List<Long> ids = blank(band) == null ? List.of() : handle.attach(
                    org.healthscore.persistence.health.SnapshotDao.class).accountsInBand(workspaceId, scorecard, band);
            if (blank(band) != null && ids.isEmpty()) {
                return new Page<Account>(List.of(), null);
            }
            List<AccountRow> rows = handle.attach(AccountDao.class).list(workspaceId, blank(segment),
                    blank(productLine), at == null ? null : at.get(0), blank(band) != null, ids, page.fetchSize());
            return page.page(rows, this::toApi, r -> Cursor.encode(LIST, r.externalId()));
        });
    }

    /** The cursor that continues a list after {@code account} (for GraphQL edges). */
    public static String cursorOf(Account account) {
        return Cursor.encode(LIST, account.externalId());
    }

    /** The cursor that continues an account's observations after {@code observation}. */
    public static String cursorOf(Observation observation) {
        return Cursor.encode(OBSERVATIONS, observation.observedAt().toString(), observation.metric());
    }

    public List<Outcome> outcomes(Caller caller, String externalId) {
        String workspaceId = caller.workspace(Role.READER);
        return jdbi.withHandle(handle -> {
            AccountRow account = handle.attach(AccountDao.class).find(workspaceId, externalId)
                    .orElseThrow(() -> notFound(externalId));
            return handle.attach(OutcomeDao.class).forAccount(workspaceId, account.id()).stream()
                    .map(o -> new Outcome(externalId, o.outcomeType(), o.occurredAt(), o.amount())).toList();
        });
    }

    /** The outcomes of many accounts in two statements (for GraphQL's DataLoader); absent accounts map to none. */
    public Map<String, List<Outcome>> outcomesOf(Caller caller, Collection<String> externalIds) {
        String workspaceId = caller.workspace(Role.READER);
        Map<String, List<Outcome>> out = new HashMap<>();
        externalIds.forEach(id -> out.put(id, new java.util.ArrayList<>()));
        if (externalIds.isEmpty()) {
            return out;
        }
        jdbi.useHandle(handle -> {
            Map<Long, String> byId = new HashMap<>();
            handle.attach(AccountDao.class).findMany(workspaceId, externalIds)
                    .forEach(a -> byId.put(a.id(), a.externalId()));
            if (byId.isEmpty()) {
                return;
            }
            handle.attach(OutcomeDao.class).forAccounts(workspaceId, byId.keySet()).stream()
                    .sorted(java.util.Comparator.comparing(org.healthscore.persistence.account.OutcomeRow::occurredAt)
                            .thenComparing(o -> o.outcomeType().name()))
                    .forEach(o -> out.get(byId.get(o.accountId())).add(new Outcome(byId.get(o.accountId()),
                            o.outcomeType(), o.occurredAt(), o.amount())));
        });
        return out;
    }

    /** An account's observations, newest first, optionally of one metric and within (from, to]. */
    public Page<Observation> observations(Caller caller, String externalId, String metricKey, Instant from,
                                          Instant to, PageRequest page) {
        String workspaceId = caller.workspace(Role.READER);
        List<String> at = page.position(OBSERVATIONS, 2);
        Instant beforeAt = at == null ? null : page.instant(at.get(0));
        return jdbi.withHandle(handle -> {
            AccountRow account = handle.attach(AccountDao.class).find(workspaceId, externalId)
                    .orElseThrow(() -> notFound(externalId));
            Map<Long, String> keys = metricKeys(handle, workspaceId);
            Long metricId = null;
            if (metricKey != null) {
                metricId = keys.entrySet().stream().filter(e -> e.getValue().equals(metricKey)).map(Map.Entry::getKey)
                        .findFirst().orElseThrow(() -> ApiException.invalid(List.of(new FieldError("metric",
                                "is not a metric of the catalog ('" + metricKey + "')"))));
            }
            Long beforeMetric = null;
            if (at != null) {
                beforeMetric = keys.entrySet().stream().filter(e -> e.getValue().equals(at.get(1)))
                        .map(Map.Entry::getKey).findFirst().orElseThrow(() -> PageRequest.notACursor(page));
            }
            List<ObservationRow> rows = handle.attach(ObservationDao.class).forAccount(workspaceId, account.id(),
                    metricId, from, to, beforeAt, beforeMetric, page.fetchSize());
            return page.page(rows, r -> new Observation(externalId, keys.get(r.metricId()), r.observedAt(),
                    r.rawValue()), r -> Cursor.encode(OBSERVATIONS, r.observedAt().toString(), keys.get(r.metricId())));
        });
    }

    private static Map<Long, String> metricKeys(Handle handle, String workspaceId) {
        Map<Long, String> keys = new HashMap<>();
        for (MetricRow m : handle.attach(MetricDao.class).all(workspaceId)) {
            keys.put(m.id(), m.metricKey());
        }
        return keys;
    }

    private Account toApi(AccountRow r) {
        Map<String, String> attributes = Map.of();
        if (r.attributes() != null) {
            try {
                attributes = json.readValue(r.attributes(), ATTRIBUTES);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Stored attributes of " + r.externalId() + " are not readable", e);
            }
        }
        return new Account(r.externalId(), r.name(), r.segment(), r.productLine(), r.arr(), r.owner(), r.startDate(),
                r.renewalDate(), attributes, r.createdAt(), r.updatedAt());
    }

    private String toJson(Map<String, String> attributes) {
        try {
            return json.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void checkYear(String field, java.time.LocalDate date) {
        if (date != null && (date.getYear() < 1900 || date.getYear() > 9999)) {
            throw ApiException.invalid(field, "must be between the years 1900 and 9999");
        }
    }

    static void checkExternalId(String externalId) {
        if (externalId == null || externalId.isBlank() || externalId.length() > 200
                || !externalId.strip().equals(externalId)) {
            throw ApiException.invalid("externalId", "must be 1-200 characters without leading or trailing spaces");
        }
        if (!org.healthscore.service.validation.UnicodeText.isWellFormed(externalId)) {
            throw ApiException.invalid("externalId", org.healthscore.service.validation.UnicodeText.RULE);
        }
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    static ApiException notFound(String externalId) {
        return ApiException.notFound("No account '" + externalId + "' in this workspace");
    }
}
