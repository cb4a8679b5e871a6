package org.tessera.crm.sales.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.tessera.crm.core.api.Page;

/** Products and price lists. */
@ProviderType
public interface ProductService {

    /** @throws org.tessera.crm.core.api.ConflictException when the code is taken */
    ProductDTO createProduct(ProductDTO draft);

    ProductDTO getProduct(String id);

    ProductDTO updateProduct(String id, Long expectedVersion, ProductDTO desired);

    /** Products by id, optionally only active ones or one family. */
    Page<ProductDTO> searchProducts(String family, Boolean active, int limit, String cursor);

    PriceListDTO createPriceList(PriceListDTO draft);

    PriceListDTO getPriceList(String id);

    PriceListDTO updatePriceList(String id, Long expectedVersion, PriceListDTO desired);

    List<PriceListDTO> priceLists();
}
