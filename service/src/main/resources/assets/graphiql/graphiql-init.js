// GraphiQL against this service's /graphql. Put your API key in the Headers tab
// (the embedded demo prints its keys at start-up).
(function () {
  var fetcher = GraphiQL.createFetcher({ url: "/graphql" });
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultEditorToolsVisibility: "headers",
    headerEditorEnabled: true,
    shouldPersistHeaders: true,
    defaultHeaders: '{\n  "Authorization": "Bearer <your API key>"\n}',
    defaultQuery: "# The metric catalog\n{\n  metrics(first: 10) {\n    nodes { key name dimension valueType direction revision }\n    pageInfo { hasNextPage endCursor }\n  }\n}\n"
  }));
})();
