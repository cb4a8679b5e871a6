package org.tessera.crm.core.api.search;

/** One record found by the global search. */
public class SearchHitDTO {
    /** Id of the record in its module's API. */
    public String id;
    /** Type of the record, the type of its group: {@code party}, {@code opportunity}… */
    public String type;
    /** What a person recognizes it by: a name, a number. */
    public String title;
    /** A second line telling similar hits apart: an email, an account, a stage. */
    public String subtitle;
    /** API path of the record, relative to {@code /v1}, such as {@code /parties/42}. */
    public String href;

    public SearchHitDTO() {
    }

    public SearchHitDTO(String id, String type, String title, String subtitle, String href) {
        this.id = id;
        this.type = type;
        this.title = title;
        this.subtitle = subtitle;
        this.href = href;
    }
}
