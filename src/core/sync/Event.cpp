#include "sync/Event.h"

#include <charconv>

namespace mlaprep::sync {

namespace {

bool needsEscape(char c)
{
    return c == '%' || c == '&' || c == '=' || c == '\t' || c == '\r' || c == '\n';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

} // namespace

std::string escapeField(std::string_view text)
{
    static constexpr char Hex[] = "0123456789ABCDEF";
    std::string escaped;
    escaped.reserve(text.size());
    for (const char c : text) {
        if (needsEscape(c)) {
            const auto byte = static_cast<unsigned char>(c);
            escaped.push_back('%');
            escaped.push_back(Hex[byte >> 4]);
            escaped.push_back(Hex[byte & 0x0f]);
        } else {
            escaped.push_back(c);
        }
    }
    return escaped;
}

std::optional<std::string> unescapeField(std::string_view text)
{
    std::string plain;
    plain.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '%') {
            if (needsEscape(c)) {
                return std::nullopt;
            }
            plain.push_back(c);
            continue;
        }
        if (i + 2 >= text.size()) {
            return std::nullopt;
        }
        const int high = hexValue(text[i + 1]);
        const int low = hexValue(text[i + 2]);
        if (high < 0 || low < 0) {
            return std::nullopt;
        }
        plain.push_back(static_cast<char>(high * 16 + low));
        i += 2;
    }
    return plain;
}

Payload& Payload::set(std::string_view key, std::string_view value)
{
    m_fields.insert_or_assign(std::string(key), std::string(value));
    return *this;
}

Payload& Payload::set(std::string_view key, long long value)
{
    return set(key, std::to_string(value));
}

std::optional<std::string> Payload::get(std::string_view key) const
{
    const auto found = m_fields.find(key);
    if (found == m_fields.end()) {
        return std::nullopt;
    }
    return found->second;
}

std::optional<long long> Payload::getInteger(std::string_view key) const
{
    const auto text = get(key);
    if (!text) {
        return std::nullopt;
    }
    long long value = 0;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (error != std::errc {} || end != text->data() + text->size()) {
        return std::nullopt;
    }
    return value;
}

std::string Payload::encode() const
{
    std::string text;
    for (const auto& [key, value] : m_fields) {
        if (!text.empty()) {
            text.push_back('&');
        }
        text += escapeField(key);
        text.push_back('=');
        text += escapeField(value);
    }
    return text;
}

std::optional<Payload> Payload::decode(std::string_view text)
{
    Payload payload;
    while (!text.empty()) {
        const auto end = text.find('&');
        const std::string_view pair = text.substr(0, end);
        const auto equals = pair.find('=');
        if (equals == std::string_view::npos) {
            return std::nullopt;
        }
        const auto key = unescapeField(pair.substr(0, equals));
        const auto value = unescapeField(pair.substr(equals + 1));
        if (!key || !value || payload.m_fields.count(*key) != 0) {
            return std::nullopt;
        }
        payload.m_fields.emplace(*key, *value);
        text = end == std::string_view::npos ? std::string_view {} : text.substr(end + 1);
    }
    return payload;
}

} // namespace mlaprep::sync
