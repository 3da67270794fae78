// Deletes a saved view.
MATCH (v:SavedView {id: $id})
DELETE v
RETURN $id AS id
