package app.ascend.notify.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.ascend.notify.support.ApiClient;
import app.ascend.notify.support.ApiResponse;
import app.ascend.notify.support.ApiTest;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/risk-levels}: the product page's risk bands, most risky first, covering 0–100. */
class RiskLevelsCatalogIT extends ApiTest {

    @Test
    void listsThePagesRiskBandsToAnyReader() {
        ApiClient viewer = newTenant().newUser("viewer");

        ApiResponse answer = viewer.get("/api/risk-levels");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        List<String> bands = new ArrayList<>();
        for (JsonNode level : answer.json().get("risk_levels")) {
            bands.add(level.get("level").stringValue() + " " + level.get("min_score").intValue() + "-"
                    + level.get("max_score").intValue());
        }
        assertThat(bands).containsExactly("critical 90-100", "high 70-89", "medium 40-69", "low 0-39");
    }

    @Test
    void refusesAnAnonymousCaller() {
        ApiResponse answer = anonymous().get("/api/risk-levels");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.isProblem()).isTrue();
    }
}
