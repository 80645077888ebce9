package io.vizora.projector.state;

/**
 * Which displays a campaign reaches, in SQL over the projector's tables: display {@code d} is
 * reached by campaign {@code c} when it targets the whole organisation, or through the display's
 * id, any of its groups or any of its tags (the same rule as {@code Targets.reach} in the
 * compiler). Callers join d and c within one organisation.
 */
public final class Targeting {

    public static final String REACHES = """
            (COALESCE((c.targets->>'wholeOrganisation')::boolean, false)
             OR d.id IN (SELECT jsonb_array_elements_text(c.targets->'displayIds')::uuid)
             OR d.group_ids && ARRAY(SELECT jsonb_array_elements_text(c.targets->'groupIds')::uuid)
             OR d.tags && ARRAY(SELECT jsonb_array_elements_text(c.targets->'tags')))""";

    private Targeting() {
    }
}
