// Preloaded into a service under test (node --import): appends every outbound connection and
// name lookup the process makes to the file named by CRG_TEST_CONNECTIONS_FILE, one per line.
import dns from 'node:dns';
import fs from 'node:fs';
import net from 'node:net';

const file = process.env.CRG_TEST_CONNECTIONS_FILE;
const record = (line) => fs.appendFileSync(file, `${line}\n`);

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const target = typeof first === 'object' && first !== null ? first : { port: first, host: args[1] };
  record(`connect ${target.path ?? `${target.host ?? 'localhost'}:${target.port}`}`);
  return connect.apply(this, args);
};

for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) {
  const original = dns[name];
  dns[name] = function (host, ...rest) {
    record(`lookup ${host}`);
    return original.call(this, host, ...rest);
  };
  const promised = dns.promises[name];
  dns.promises[name] = function (host, ...rest) {
    record(`lookup ${host}`);
    return promised.call(this, host, ...rest);
  };
}
