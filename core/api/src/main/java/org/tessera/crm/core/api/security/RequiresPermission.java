package org.tessera.crm.core.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a REST resource method (or every method of a resource class) requires, such as
 * {@code core.party.read} or {@code sales.opportunity.write}. Access is denied by default: a
 * resource method of the Tessera application without this annotation is refused to everybody.
 * The anonymous endpoints (health, OpenAPI) are marked with {@link #ANONYMOUS}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresPermission {
    /** Marks an endpoint anyone may call, authenticated or not. */
    String ANONYMOUS = "anonymous";

    /** Marks an endpoint any authenticated caller may call, whatever their permissions (token issue, "who am I"). */
    String AUTHENTICATED = "authenticated";

    /** The permission name, {@code <module>.<entity>.<action>}. */
    String value();
}
