// System.Uri and System.UriBuilder as Microsoft's Uri / Uri Builder codeunits use them: parts, normalisation,
// escaping, well-formedness, and the UriBuilder setters with .NET's errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dotnetError, dotnetMessages } from './support';

test('Uri: parts of an absolute URI, default ports, segments', () => {
  assert.deepEqual(dotnetMessages('U: DotNet Uri; s: Text;', `
    U := U.Uri('HTTPS://User@Example.COM:8443/a b/c?x=1#frag');
    Message('%1|%2|%3|%4|%5', U.Scheme, U.Host, U.Port, U.Authority, U.AbsolutePath);
    Message('%1|%2|%3', U.Query, U.Fragment, U.AbsoluteUri);
    U := U.Uri('http://microsoft.com');
    Message('%1|%2|%3', U.Port, U.AbsoluteUri, U.Authority);
    foreach s in U.Uri('https://h/p1/p2/x.txt').Segments do Message(s);`),
  ['https|example.com|8443|example.com:8443|/a%20b/c', '?x=1|#frag|https://User@example.com:8443/a%20b/c?x=1#frag', '80|http://microsoft.com/|microsoft.com', '/', 'p1/', 'p2/', 'x.txt']);
});

test('Uri: a relative text is refused with BC\'s .NET error', () => {
  assert.equal(dotnetError('U: DotNet Uri;', `U := U.Uri('not a uri');`), 'A call to System.Uri failed with this message: Invalid URI: The format of the URI could not be determined.');
});

test('Uri: EscapeDataString / UnescapeDataString and IsWellFormedUriString with UriKind', () => {
  assert.deepEqual(dotnetMessages('U: DotNet Uri; K: DotNet UriKind;', `
    Message('%1', U.EscapeDataString('a b&c=d/é!'));
    Message(U.UnescapeDataString('a%20b%26%C3%A9'));
    Message('%1 %2 %3', U.IsWellFormedUriString('https://x.com/a', K.Absolute), U.IsWellFormedUriString('/a/b', K.Absolute), U.IsWellFormedUriString('a/b', K.Relative));`),
  ['a%20b%26c%3Dd%2F%C3%A9%21', 'a b&é', 'Yes No Yes']);
});

test('UriBuilder: setters and the composed Uri, .NET rules for Query and Port', () => {
  assert.deepEqual(dotnetMessages('B: DotNet UriBuilder; U: DotNet Uri;', `
    B := B.UriBuilder('microsoft.com');
    Message('%1|%2|%3|%4', B.Scheme, B.Host, B.Port, B.Path);
    B.Scheme := 'ftps'; B.Port := 1234; B.Query := 'size=4'; B.Fragment := 'f';
    U := B.Uri;
    Message('%1|%2', U.AbsoluteUri, B.Query);
    B.Path := 'segment2/segment3/';
    Message(B.Path);`),
  ['http|microsoft.com|80|/', 'ftps://microsoft.com:1234/?size=4#f|?size=4', '/segment2/segment3/']);
  assert.equal(dotnetError('B: DotNet UriBuilder;', `B := B.UriBuilder('http://microsoft.com'); B.Port := -2;`), "A call to System.UriBuilder.Port failed with this message: value ('-2') must be greater than or equal to '-1'. (Parameter 'value')\\Actual value was -2.");
  assert.equal(dotnetError('B: DotNet UriBuilder;', `B := B.UriBuilder('http://microsoft.com'); B.Scheme := 'in valid';`), "A call to System.UriBuilder.Scheme failed with this message: Invalid URI: The URI scheme is not valid. (Parameter 'value')");
});
