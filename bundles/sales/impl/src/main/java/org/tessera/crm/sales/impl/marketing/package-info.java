/**
 * What sales does with marketing when marketing is installed, and only then: campaign offers'
 * discounts on lines, and the opportunities and leads campaign totals are computed from. The
 * marketing API is an optional import of this bundle; the classes that name its types are loaded
 * only once a marketing service is bound, so sales runs unchanged without marketing.
 */
package org.tessera.crm.sales.impl.marketing;
