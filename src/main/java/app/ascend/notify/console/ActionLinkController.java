package app.ascend.notify.console;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The product page's "View in Ascend" link in every incident a channel opens points at
 * {@code <ASCEND_PUBLIC_URL>/actions/<action_id>}. The console (static files under {@code /}) shows an
 * action's events at {@code /#/events?action_id=...}, so this path sends the browser there.
 */
@RestController
class ActionLinkController {

    @GetMapping("/actions/{actionId}")
    ResponseEntity<Void> action(@PathVariable String actionId) {
        String query = URLEncoder.encode(actionId, StandardCharsets.UTF_8);
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/#/events?action_id=" + query)).build();
    }
}
