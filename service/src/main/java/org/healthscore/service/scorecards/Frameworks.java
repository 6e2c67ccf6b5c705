package org.healthscore.service.scorecards;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.healthscore.api.scorecard.Framework;
import org.healthscore.api.scorecard.FrameworkTemplate;
import org.healthscore.service.problem.ApiException;

/** The DEAR and PROVE starter scorecards, kept as data in {@code frameworks/frameworks.json}. */
public final class Frameworks {

    static final String RESOURCE = "frameworks/frameworks.json";

    private final Map<Framework, FrameworkTemplate> templates = new EnumMap<>(Framework.class);

    public Frameworks(ObjectMapper json) {
        try (InputStream in = Frameworks.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            List<FrameworkTemplate> all = json.readValue(in, new TypeReference<>() { });
            all.forEach(t -> templates.put(t.framework(), t));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<FrameworkTemplate> all() {
        return List.copyOf(templates.values());
    }

    public FrameworkTemplate get(Framework framework) {
        FrameworkTemplate template = templates.get(framework);
        if (template == null) {
            throw ApiException.invalid("fromFramework", "has no template; templates exist for "
                    + templates.keySet());
        }
        return template;
    }
}
