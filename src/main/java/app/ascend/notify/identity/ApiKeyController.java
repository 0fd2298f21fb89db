package app.ascend.notify.identity;

import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.ascend.notify.web.FieldErrors;
import app.ascend.notify.web.JsonFields;
import app.ascend.notify.web.Page;
import app.ascend.notify.web.PageParams;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/api-keys")
class ApiKeyController {
    private final ApiKeyService keys;

    ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    /** A key in lists: never the secret, only its first characters. */
    record ApiKeyView(String id, String name, String prefix, Instant createdAt, Instant lastUsedAt) {
        static ApiKeyView of(ApiKey key) {
            return new ApiKeyView(key.id(), key.name(), key.prefix(), key.createdAt(), key.lastUsedAt());
        }
    }

    /** The answer to a create: the only time {@code key} is shown. */
    record CreatedApiKeyView(String id, String name, String prefix, Instant createdAt, String key) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    CreatedApiKeyView create(@AuthenticationPrincipal AscendPrincipal me, @RequestBody JsonNode body) {
        FieldErrors errors = new FieldErrors();
        String name = JsonFields.object(body, "", errors).flatMap(fields -> {
            fields.rejectUnknown(java.util.List.of("name"));
            return fields.string("name", true, 200);
        }).orElse(null);
        errors.throwIfAny();
        ApiKeyService.Created created = keys.create(me, name);
        ApiKey key = created.key();
        return new CreatedApiKeyView(key.id(), key.name(), key.prefix(), key.createdAt(), created.secret());
    }

    @GetMapping
    Page<ApiKeyView> list(@AuthenticationPrincipal AscendPrincipal me, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return keys.list(me, PageParams.parse(limit, cursor)).map(ApiKeyView::of);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal AscendPrincipal me, @PathVariable String id) {
        keys.revoke(me, id);
    }
}
