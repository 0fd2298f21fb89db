package app.ascend.notify.web;

import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import tools.jackson.databind.JsonNode;

/**
 * Refuses a JSON body holding an unpaired UTF-16 surrogate (an escape such as {@code "\ud800"} on its
 * own) in any string value, with the path of each (Jackson already refuses one in a field name). JSON lets it through (RFC 8259 §8.2 calls
 * the result unpredictable), but no UTF-8 encoder can write it: PostgreSQL, the sealed channel
 * settings and the channels we send to would all get {@code "?"} instead, so what is stored would silently differ
 * from what was answered.
 */
@RestControllerAdvice
class UnpairedSurrogateCheck extends RequestBodyAdviceAdapter {

    private record Node(String path, JsonNode value) {
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return targetType instanceof Class<?> type && JsonNode.class.isAssignableFrom(type);
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        FieldErrors errors = new FieldErrors();
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(new Node("", (JsonNode) body));
        while (!pending.isEmpty()) { // without recursion: bodies may nest as deep as the parser allows
            Node node = pending.pop();
            if (node.value().isString() && hasUnpairedSurrogate(node.value().stringValue())) {
                errors.add(node.path().isEmpty() ? "$" : node.path(), "is not valid Unicode: it holds an unpaired surrogate "
                        + "(such as \\ud800 without its pair)");
            } else if (node.value().isObject()) {
                for (Map.Entry<String, JsonNode> field : node.value().properties()) { // Jackson refuses such names itself
                    pending.push(new Node(JsonFields.join(node.path(), field.getKey()), field.getValue()));
                }
            } else if (node.value().isArray()) {
                for (int i = 0; i < node.value().size(); i++) {
                    pending.push(new Node(node.path() + "[" + i + "]", node.value().get(i)));
                }
            }
        }
        errors.throwIfAny();
        return body;
    }

    static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
