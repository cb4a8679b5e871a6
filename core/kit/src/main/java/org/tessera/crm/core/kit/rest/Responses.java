package org.tessera.crm.core.kit.rest;

import java.net.URI;
import java.util.List;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.tessera.crm.core.api.Page;

/** Responses shared by the resources of every module: created with Location and ETag, read with ETag, lists. */
public final class Responses {

    private Responses() {
    }

    /** 201 with the absolute URI of the new record ({@code <request path>/<id>}) and its ETag. */
    public static Response created(UriInfo uriInfo, String id, long version, Object entity) {
        URI location = uriInfo.getAbsolutePathBuilder().path(id).build();
        return Response.created(location).header(HttpHeaders.ETAG, EntityTags.of(version)).entity(entity).build();
    }

    /** 200 with the record and its ETag, or 304 when {@code If-None-Match} already has this version. */
    public static Response read(Object entity, long version, String ifNoneMatch) {
        String etag = EntityTags.of(version);
        if (EntityTags.noneMatchHits(ifNoneMatch, version)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).build();
        }
        return Response.ok(entity).header(HttpHeaders.ETAG, etag).build();
    }

    /** 200 with the record and its ETag. */
    public static Response written(Object entity, long version) {
        return Response.ok(entity).header(HttpHeaders.ETAG, EntityTags.of(version)).build();
    }

    /** A complete (unpaged) collection, as {@code {"items": [...]}} like every collection of the API. */
    public static <T> Page<T> items(List<T> items) {
        return new Page<>(items, null);
    }
}
