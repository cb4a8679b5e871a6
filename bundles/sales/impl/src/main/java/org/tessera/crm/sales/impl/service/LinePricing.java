package org.tessera.crm.sales.impl.service;

import java.math.BigDecimal;
import java.util.List;

import javax.persistence.EntityManager;

import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.sales.api.LineItemDTO;
import org.tessera.crm.sales.impl.entity.PriceEntryValue;
import org.tessera.crm.sales.impl.entity.PriceListEntity;
import org.tessera.crm.sales.impl.entity.ProductEntity;

/** Checks priced lines and fills a missing unit price from the price list. */
final class LinePricing {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private LinePricing() {
    }

    static void price(EntityManager em, String field, List<LineItemDTO> lines, PriceListEntity priceList, FieldErrors errors) {
        for (int i = 0; i < lines.size(); i++) {
            LineItemDTO line = lines.get(i);
            String path = field + "[" + i + "]";
            errors.required(path + ".productId", line.productId);
            Long productId = Ids.reference(path + ".productId", line.productId, errors);
            ProductEntity product = productId == null ? null : em.find(ProductEntity.class, productId);
            if (productId != null && product == null) {
                errors.invalid(path + ".productId", "no such product");
            }
            if (line.quantity == null) {
                errors.required(path + ".quantity", null);
            } else if (line.quantity.signum() <= 0) {
                errors.invalid(path + ".quantity", "must be positive");
            }
            if (line.discount != null && (line.discount.signum() < 0 || line.discount.compareTo(HUNDRED) > 0)) {
                errors.invalid(path + ".discount", "must be a percentage from 0 to 100");
            }
            if (line.unitPrice == null && productId != null && priceList != null) {
                line.unitPrice = priceList.entries.stream().filter(e -> e.productId.equals(productId))
                        .map((PriceEntryValue e) -> e.unitPrice).findFirst().orElse(null);
            }
            if (line.unitPrice == null) {
                errors.invalid(path + ".unitPrice", priceList == null ? "required when the opportunity has no price list"
                        : "the price list has no price for this product: give one");
            } else if (line.unitPrice.signum() < 0) {
                errors.invalid(path + ".unitPrice", "must not be negative");
            }
            if (line.description == null && product != null) {
                line.description = product.name;
            }
        }
    }
}
