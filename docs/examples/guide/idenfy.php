<?php
// idenfy.php: create an iDenfy verification token with safe error handling (PHP 8.1+, ext-curl).
declare(strict_types=1);

const IDENFY_TOKEN_URL = 'https://ivs.idenfy.com/api/v2/token';
const ERRATA = 'http://localhost:4321';
const IDENFY_MAX_ATTEMPTS = 4; // the first try and up to three retries
const IDENFY_BASE_DELAY = 1.0; // seconds
const IDENFY_MAX_DELAY = 30.0; // seconds

// What a 4xx identifier means for your code; any other identifier means 'request'.
const IDENFY_IDENTIFIER_KINDS = [
    'INTERNAL_ERROR' => 'server',
    'UNAUTHORIZED' => 'credentials',
    'PARTNER_CONTRACT_ERROR' => 'account',
    'PERMISSIONS_ERROR' => 'account',
    'TOO_MANY_REQUESTS' => 'rate_limit',
];
const IDENFY_RETRYABLE_KINDS = ['rate_limit', 'server', 'network'];
// Errata has a page for each of these.
const ERRATA_IDENTIFIERS = [
    'INTERNAL_ERROR',
    'BAD_VALUE',
    'MISSING_VALUE',
    'UNAUTHORIZED',
    'ENCODING_ERROR',
    'JSON_ERROR',
    'TOKEN_NOT_VALID',
    'PARTNER_CONTRACT_ERROR',
    'METHOD_NOT_ALLOWED',
    'PERMISSIONS_ERROR',
    'TOO_MANY_REQUESTS',
    'VALIDATION_ERROR',
    'PARTNER_ERROR',
];
const ERRATA_STATUSES = [400, 401, 402, 403, 405, 429, 500];

final class IdenfyError extends RuntimeException
{
    public readonly ?string $helpUrl;

    /**
     * $kind: 'rate_limit', 'server' or 'network' (the retryable kinds),
     * 'credentials', 'account', 'request' or 'unexpected'.
     */
    public function __construct(
        public readonly string $kind,
        string $message,
        public readonly ?int $status = null, // null when no response arrived
        public readonly ?string $identifier = null, // null when the body has none
        public readonly ?float $retryAfter = null, // seconds, from a Retry-After header
    ) {
        parent::__construct($message);
        $this->helpUrl = errata_url($status, $identifier);
    }

    public function isRetryable(): bool
    {
        return in_array($this->kind, IDENFY_RETRYABLE_KINDS, true);
    }
}

function errata_url(?int $status, ?string $identifier): ?string
{
    if ($identifier !== null && in_array($identifier, ERRATA_IDENTIFIERS, true)) {
        return ERRATA . '/errors/' . str_replace('_', '-', strtolower($identifier)) . '/';
    }
    if ($status !== null && in_array($status, ERRATA_STATUSES, true)) {
        return ERRATA . "/status/$status/";
    }
    return null;
}

/** The body as an array if it is a JSON object, else [] (an HTML page, an empty body). */
function idenfy_json_object(string $raw): array
{
    $body = json_decode($raw, true);
    return is_array($body) && !array_is_list($body) ? $body : [];
}

/** Branch on the status first, then on the identifier; never on the message. */
function idenfy_error_kind(int $status, ?string $identifier): string
{
    return match (true) {
        $status === 429 => 'rate_limit',
        $status >= 500 => 'server',
        $status === 401 => 'credentials',
        $status === 402, $status === 403 => 'account',
        $status >= 400 => IDENFY_IDENTIFIER_KINDS[$identifier ?? ''] ?? 'request',
        default => 'unexpected',
    };
}

/** Retry-After in seconds, or null. iDenfy does not document this header. */
function idenfy_retry_after(?string $value): ?float
{
    $value = trim($value ?? '');
    if ($value === '') {
        return null;
    }
    if (preg_match('/^\d+$/', $value) === 1) {
        return (float) $value;
    }
    $time = strtotime($value);
    return $time === false ? null : max(0.0, (float) ($time - time()));
}

/** Full jitter: a random wait between 0 and base * 2^(attempt - 1), capped. */
function idenfy_backoff(int $attempt): float
{
    $ceiling = min(IDENFY_MAX_DELAY, IDENFY_BASE_DELAY * 2 ** ($attempt - 1));
    return $ceiling * mt_rand() / mt_getrandmax();
}

function idenfy_attempt(string $json, string $key, string $secret): array
{
    $headers = [];
    $curl = curl_init(getenv('IDENFY_TOKEN_URL') ?: IDENFY_TOKEN_URL);
    curl_setopt_array($curl, [
        CURLOPT_POST => true,
        CURLOPT_POSTFIELDS => $json,
        CURLOPT_HTTPHEADER => ['Content-Type: application/json', 'Accept: application/json'],
        CURLOPT_HTTPAUTH => CURLAUTH_BASIC,
        CURLOPT_USERPWD => "$key:$secret",
        CURLOPT_RETURNTRANSFER => true,
        CURLOPT_CONNECTTIMEOUT => 5,
        CURLOPT_TIMEOUT => 30,
        CURLOPT_HEADERFUNCTION => static function ($curl, string $line) use (&$headers): int {
            if (str_starts_with($line, 'HTTP/')) {
                $headers = []; // a new response (after 100 Continue): keep only its headers
            } elseif (str_contains($line, ':')) {
                [$name, $value] = explode(':', $line, 2);
                $headers[strtolower(trim($name))] = trim($value);
            }
            return strlen($line);
        },
    ]);
    $raw = curl_exec($curl);
    if ($raw === false) {
        // No response. A timeout may hide a token that was created: see "What retrying costs".
        throw new IdenfyError('network', 'No response from iDenfy: ' . curl_error($curl));
    }
    $status = curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
    $body = idenfy_json_object($raw);
    if ($status >= 200 && $status < 300) {
        // Any 2xx: the endpoint answers 201 Created, so never compare with 200.
        if (is_string($body['authToken'] ?? null)) {
            return $body;
        }
        throw new IdenfyError('unexpected', 'Success without an authToken', $status);
    }
    // 401, 402 and 403 carry no identifier.
    $identifier = is_string($body['identifier'] ?? null) ? $body['identifier'] : null;
    $message = is_string($body['message'] ?? null)
        ? $body['message']
        : "HTTP $status without a JSON error message";
    throw new IdenfyError(
        idenfy_error_kind($status, $identifier),
        $message,
        $status,
        $identifier,
        idenfy_retry_after($headers['retry-after'] ?? null),
    );
}

/** POST /api/v2/token. Returns the 201 body (authToken, scanRef, ...); throws IdenfyError. */
function create_token(array $payload): array
{
    $key = getenv('IDENFY_API_KEY');
    $secret = getenv('IDENFY_API_SECRET');
    if ($key === false || $secret === false) {
        throw new LogicException('Set IDENFY_API_KEY and IDENFY_API_SECRET');
    }
    // As an object, so that an empty payload is sent as {} rather than [], which the API refuses.
    $json = json_encode((object) $payload, JSON_THROW_ON_ERROR);
    for ($attempt = 1; ; $attempt++) {
        try {
            return idenfy_attempt($json, $key, $secret);
        } catch (IdenfyError $error) {
            $wait = $error->retryAfter ?? idenfy_backoff($attempt);
            // A Retry-After beyond IDENFY_MAX_DELAY is for the caller to schedule.
            $lastAttempt = $attempt >= IDENFY_MAX_ATTEMPTS;
            if (!$error->isRetryable() || $lastAttempt || $wait > IDENFY_MAX_DELAY) {
                throw $error;
            }
            usleep((int) round($wait * 1_000_000));
        }
    }
}
