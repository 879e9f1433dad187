declare module 'pouchdb' {
  const PouchDB: unknown;
  export default PouchDB;
}
