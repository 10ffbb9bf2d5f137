import { Link } from "react-router-dom";
import { usePage } from "./usePage";

export function NotFoundPage() {
  const heading = usePage("Not found");
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        Page not found
      </h1>
      <p>
        <Link to="/systems">Back to the systems</Link>
      </p>
    </>
  );
}
