package app.ascend.notify.channel.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CEF's header and extension escaping (FACTS.md §4): different sets, the backslash first, no raw line breaks. */
class CefEscapingTest {

    @Test
    void aHeaderFieldEscapesBackslashAndPipeOnly() {
        assertThat(CefEscaping.header("a|b\\c=d")).isEqualTo("a\\|b\\\\c=d");
        assertThat(CefEscaping.header("404 | not found")).isEqualTo("404 \\| not found");
    }

    @Test
    void anExtensionValueEscapesBackslashEqualsAndLineBreaksButNotPipe() {
        assertThat(CefEscaping.extension("bang = !")).isEqualTo("bang \\= !");
        assertThat(CefEscaping.extension("a|b")).isEqualTo("a|b");
        assertThat(CefEscaping.extension("C:\\dir=x\nnext\r\nend")).isEqualTo("C:\\\\dir\\=x\\nnext\\r\\nend");
    }

    @Test
    void theBackslashIsEscapedFirstSoNoEscapeIsDoubled() {
        assertThat(CefEscaping.extension("\\=")).isEqualTo("\\\\\\=");
        assertThat(CefEscaping.header("\\|")).isEqualTo("\\\\\\|");
    }

    @Test
    void aHeaderFieldCarriesNoLineBreakAndOtherControlsBecomeSpaces() {
        assertThat(CefEscaping.header("line\none\rtwo")).isEqualTo("line one two");
        assertThat(CefEscaping.extension("tab\there\u0000nul\u2028sep")).isEqualTo("tab here nul sep");
    }

    @Test
    void nonAsciiTextIsKeptAsItIs() {
        assertThat(CefEscaping.extension("Zürich — 日本 🙂")).isEqualTo("Zürich — 日本 🙂");
        assertThat(CefEscaping.header("Ω")).isEqualTo("Ω");
    }
}
