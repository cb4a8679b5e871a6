package org.tessera.crm.examples.dealer.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class VehicleEntityTest {
    @Test
    void theManufacturerCodeFollowsTheVinOnEveryWrite() {
        VehicleEntity vehicle = new VehicleEntity();
        vehicle.vin = "vf1rfb00x66012345";
        vehicle.deriveManufacturerCode();
        assertEquals("VF1", vehicle.manufacturerCode());
        vehicle.vin = "WDB1690071J123456";
        vehicle.deriveManufacturerCode();
        assertEquals("WDB", vehicle.manufacturerCode());
        vehicle.vin = "AB";
        vehicle.deriveManufacturerCode();
        assertNull(vehicle.manufacturerCode());
    }
}
